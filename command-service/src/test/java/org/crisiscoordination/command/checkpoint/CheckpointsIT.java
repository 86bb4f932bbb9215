package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints signed on demand over the running service: they cover every committed event in
 * position order, their root is the RFC 9162 root of the events' chain hashes (recomputed here
 * from the stored metadata, without the service's tree code), their signature verifies with the
 * published key, and each chains to the one before.
 */
class CheckpointsIT extends CommandServiceIT {

    private static final HexFormat HEX = HexFormat.of();

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void theCheckpointAgeMetricCountsFromTheLatestCheckpoint() {
        Crises.raise(api);
        Api.Answer signed = api.post("/api/audit/checkpoints", null).send();
        assertThat(signed.status()).isEqualTo(201);

        double age = metrics.get(CheckpointMetrics.NAME).gauge().value();

        double sinceSigned = java.time.Duration.between(java.time.Instant.parse(signed.text("time")),
                java.time.Instant.now()).toMillis() / 1000.0;
        assertThat(age).isBetween(0.0, sinceSigned + 1);
    }

    @Test
    void aCheckpointSignedOnDemandCoversEveryEventWithTheRootOfTheirHashes() throws Exception {
        Crises.raise(api);
        Crises.raise(api);

        Api.Answer answer = api.post("/api/audit/checkpoints", null).send();

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        long treeSize = answer.json().get("treeSize").asLong();
        List<Map<String, Object>> events = jdbc.queryForList("select global_index, convert_from(meta_data, 'UTF8')::jsonb"
                + " ->> 'hash' as hash from " + EventStoreSchema.EVENTS + " order by global_index");
        assertThat(treeSize).isEqualTo(events.size());
        assertThat(answer.json().get("lastPosition").asLong()).isEqualTo(events.get(events.size() - 1).get("global_index"));
        List<byte[]> leaves = new ArrayList<>();
        for (Map<String, Object> event : events) {
            String hash = (String) event.get("hash");
            // an event some test stored without a hash is logged with 32 zero bytes
            byte[] logged = hash != null && hash.matches("[0-9a-f]{64}") ? HEX.parseHex(hash) : new byte[32];
            leaves.add(sha256(concat(new byte[]{0}, logged)));
        }
        assertThat(answer.text("rootHash")).isEqualTo(HEX.formatHex(root(leaves)));

        String note = answer.text("note");
        NoteKey key = publishedKey(answer.text("keyId"));
        String body = SignedNote.verifiedText(note, key).orElseThrow();
        Checkpoint checkpoint = Checkpoint.parse(body);
        assertThat(checkpoint.origin()).isEqualTo("crisis-coordination/audit");
        assertThat(checkpoint.treeSize()).isEqualTo(treeSize);
        assertThat(HEX.formatHex(checkpoint.rootHash())).isEqualTo(answer.text("rootHash"));
        assertThat(checkpoint.time()).isEqualTo(answer.text("time"));
        Integer leafRows = jdbc.queryForObject("select count(*) from " + MerkleLogSchema.LEAVES, Integer.class);
        assertThat(leafRows).isEqualTo(events.size());
    }

    @Test
    void eachCheckpointChainsToTheOneBeforeAndNothingNewIsSignedWhenTheLogHasNotGrown() {
        Api.Answer first = api.post("/api/audit/checkpoints", null).send();
        Crises.raise(api);

        Api.Answer second = api.post("/api/audit/checkpoints", null).send();
        Api.Answer again = api.post("/api/audit/checkpoints", null).send();

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("treeSize").asLong()).isGreaterThan(first.json().get("treeSize").asLong());
        assertThat(second.text("previous")).isEqualTo(HEX.formatHex(sha256(first.text("note").getBytes(StandardCharsets.UTF_8))));
        assertThat(Checkpoint.parse(SignedNote.text(second.text("note"))).previous())
                .isEqualTo(HEX.parseHex(second.text("previous")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("note")).isEqualTo(second.text("note"));
    }

    @Test
    void theSignerRefusesToSignOverLeavesChangedBehindItsBackWith409() {
        Crises.raise(api);
        assertThat(api.post("/api/audit/checkpoints", null).send().status()).isIn(200, 201);
        Map<String, Object> leaf = jdbc.queryForMap("select leaf_index, event_hash from " + MerkleLogSchema.LEAVES
                + " order by leaf_index desc limit 1");
        try {
            jdbc.update("update " + MerkleLogSchema.LEAVES + " set event_hash = ? where leaf_index = ?",
                    new byte[32], leaf.get("leaf_index"));
            Crises.raise(api);

            Api.Answer refused = api.post("/api/audit/checkpoints", null).send();

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("urn:crisis-coordination:problem:log-tampered");
        } finally {
            jdbc.update("update " + MerkleLogSchema.LEAVES + " set event_hash = ? where leaf_index = ?",
                    leaf.get("event_hash"), leaf.get("leaf_index"));
        }
        assertThat(api.post("/api/audit/checkpoints", null).send().status()).isEqualTo(201);
    }

    @Test
    void anEventStoredWithoutAHashIsLoggedWithZerosAndDoesNotStopTheLog() {
        String aggregateId = java.util.UUID.randomUUID().toString();
        jdbc.update("insert into " + EventStoreSchema.EVENTS + " (event_identifier, aggregate_identifier, sequence_number,"
                + " type, time_stamp, payload_type, payload, meta_data) values (?, ?, 0, 'Crisis',"
                + " '2026-01-01T00:00:00.000Z', 'Unknown', convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'))",
                java.util.UUID.randomUUID().toString(), aggregateId);
        Crises.raise(api);

        Api.Answer answer = api.post("/api/audit/checkpoints", null).send();

        assertThat(answer.status()).isEqualTo(201);
        byte[] logged = jdbc.queryForObject("select event_hash from " + MerkleLogSchema.LEAVES + " l join "
                + EventStoreSchema.EVENTS + " e using (global_index) where e.aggregate_identifier = ?", byte[].class, aggregateId);
        assertThat(logged).isEqualTo(new byte[32]);
    }

    private NoteKey publishedKey(String keyId) {
        Map<String, Object> row = jdbc.queryForMap("select name, public_key from " + MerkleLogSchema.KEYS
                + " where key_id = ?", keyId);
        NoteKey key = new NoteKey((String) row.get("name"), (byte[]) row.get("public_key"));
        assertThat(key.keyId()).isEqualTo(keyId);
        return key;
    }

    /** RFC 9162's MTH, straight from its definition. */
    private static byte[] root(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return sha256(concat(new byte[]{1}, concat(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())))));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
