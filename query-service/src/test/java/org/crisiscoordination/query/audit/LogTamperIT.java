package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.EventAppender.Appended;
import org.crisiscoordination.query.support.MerkleLogIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Changes PostgreSQL directly, behind the system's back, and holds {@code GET /api/audit/verify}
 * to reporting each change: an altered payload or metadata, a deleted middle event, a deleted last
 * event of an aggregate, reordered events, a whole chain rewritten with valid hashes, a forged
 * checkpoint. Tail deletions and consistent rewrites are reported once a checkpoint covers them;
 * before, nothing tells them from the truth, which a test here states too.
 */
class LogTamperIT extends MerkleLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void anUntouchedLogWithItsCheckpointsIsValid() {
        twoCrises();
        signer.sign();
        CrisisId third = crisis(2);
        signer.sign();

        JsonNode report = verify("");

        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("breaks")).isEmpty();
        assertThat(report.get("totalBreaks").asLong()).isZero();
        assertThat(report.get("events").asLong()).isEqualTo(8);
        assertThat(report.get("leaves").asLong()).isEqualTo(8);
        assertThat(report.get("checkpoints").asLong()).isEqualTo(2);
        assertThat(third).isNotNull();
    }

    @Test
    void anAlteredPayloadIsReportedAtItsEvent() {
        List<Appended> events = twoCrises();
        signer.sign();
        Appended target = events.get(2);

        jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(jsonb_set(convert_from(payload,"
                + " 'UTF8')::jsonb, '{reason}', '\"nothing happened\"')::text, 'UTF8') where global_index = ?",
                target.position());

        JsonNode report = verify("");
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(breaks(report)).contains(tuple("altered-event", target.position()),
                tuple("leaf-mismatch", target.position()));
        assertThat(kinds(report)).contains("checkpoint-mismatch");
    }

    @Test
    void alteredMetadataIsReportedAtItsEvent() {
        List<Appended> events = twoCrises();
        Appended target = events.get(1);

        jdbc.update("update " + EventStoreSchema.EVENTS + " set meta_data = convert_to(jsonb_set(convert_from("
                + "meta_data, 'UTF8')::jsonb, '{onBehalfOf}', '\"CN\"')::text, 'UTF8') where global_index = ?",
                target.position());

        assertThat(breaks(verify(""))).containsExactly(tuple("altered-event", target.position()));
    }

    @Test
    void aDeletedMiddleEventIsReportedAsMissing() {
        List<Appended> events = twoCrises();
        signer.sign();
        Appended deleted = events.get(2);

        jdbc.update("delete from " + EventStoreSchema.EVENTS + " where global_index = ?", deleted.position());

        JsonNode report = verify("");
        assertThat(breaks(report)).contains(tuple("missing-event", deleted.position()),
                tuple("missing-event", events.get(4).position()));
    }

    @Test
    void deletingAnAggregatesLastEventIsReportedOnceALeafOrCheckpointCoversIt() {
        List<Appended> events = twoCrises();
        signer.sign();
        Appended last = events.get(events.size() - 1);
        String aggregateId = last.record().aggregateId();

        jdbc.update("delete from " + EventStoreSchema.EVENTS + " where global_index = ?", last.position());

        assertThat(api.get("/api/audit/verify?aggregateId=" + aggregateId).send().json().get("valid").asBoolean())
                .as("the chain alone cannot tell").isTrue();
        JsonNode report = verify("");
        assertThat(breaks(report)).containsExactly(tuple("missing-event", last.position()));
        assertThat(report.get("breaks").get(0).get("leafIndex").asLong()).isEqualTo(events.size() - 1);
    }

    @Test
    void deletingAnAggregatesLastEventWithItsLeafIsReportedByTheCheckpointThatCoveredIt() {
        List<Appended> events = twoCrises();
        signer.sign();
        Appended last = events.get(events.size() - 1);

        jdbc.update("delete from " + EventStoreSchema.EVENTS + " where global_index = ?", last.position());
        jdbc.update("delete from " + MerkleLogSchema.LEAVES + " where global_index = ?", last.position());

        JsonNode report = verify("");
        assertThat(kinds(report)).containsExactly("checkpoint-mismatch");
        assertThat(report.get("breaks").get(0).get("treeSize").asLong()).isEqualTo(events.size());
    }

    @Test
    void reorderedEventsAreReported() {
        List<Appended> events = twoCrises();
        String aggregateId = events.get(0).record().aggregateId();

        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = -1"
                + " where aggregate_identifier = ? and sequence_number = 1", aggregateId);
        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = 1"
                + " where aggregate_identifier = ? and sequence_number = 2", aggregateId);
        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = 2"
                + " where aggregate_identifier = ? and sequence_number = -1", aggregateId);

        JsonNode report = verify("");
        assertThat(kinds(report)).contains("reordered-event", "altered-event");
        assertThat(report.get("valid").asBoolean()).isFalse();
    }

    @Test
    void aWholeChainRewrittenWithValidHashesIsReportedByTheCheckpointThatCoveredIt() {
        List<Appended> events = twoCrises();
        signer.sign();
        String aggregateId = events.get(0).record().aggregateId();

        rewriteChain(aggregateId, true);

        assertThat(api.get("/api/audit/verify?aggregateId=" + aggregateId).send().json().get("valid").asBoolean())
                .as("the rewritten chain holds in itself").isTrue();
        JsonNode report = verify("");
        assertThat(kinds(report)).containsExactly("checkpoint-mismatch");
    }

    @Test
    void aWholeChainRewrittenButNotItsLeavesIsReportedAtEveryEvent() {
        List<Appended> events = twoCrises();
        signer.assignLeaves();
        String aggregateId = events.get(0).record().aggregateId();

        rewriteChain(aggregateId, false);

        assertThat(breaks(verify(""))).containsExactly(tuple("leaf-mismatch", events.get(0).position()),
                tuple("leaf-mismatch", events.get(1).position()), tuple("leaf-mismatch", events.get(2).position()),
                tuple("leaf-mismatch", events.get(4).position()));
    }

    @Test
    void aRewriteNoLeafOrCheckpointCoversYetCannotBeToldFromTheTruth() {
        List<Appended> events = twoCrises();

        rewriteChain(events.get(0).record().aggregateId(), false);

        assertThat(verify("").get("valid").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointWhoseSignedRootWasChangedIsReportedForged() {
        twoCrises();
        String note = signer.sign();
        Checkpoint honest = Checkpoint.parse(SignedNote.text(note));
        byte[] otherRoot = new byte[32];
        String forged = note.replace(Base64.getEncoder().encodeToString(honest.rootHash()),
                Base64.getEncoder().encodeToString(otherRoot));

        jdbc.update("update " + MerkleLogSchema.CHECKPOINTS + " set note = ?, root_hash = ?", forged, otherRoot);

        JsonNode report = verify("");
        assertThat(kinds(report)).contains("forged-checkpoint");
        assertThat(report.get("breaks").get(0).get("detail").asText()).contains("signature does not verify");
    }

    @Test
    void aCheckpointSignedWithAKeyNotPublishedIsReportedForged() throws Exception {
        twoCrises();
        signer.sign();
        appendCrisis();
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKey stranger = new NoteKey(LogSignerOrigin.ORIGIN, NoteKey.raw(pair.getPublic()));
        String previous = jdbc.queryForObject("select note from " + MerkleLogSchema.CHECKPOINTS, String.class);
        Checkpoint fake = new Checkpoint(LogSignerOrigin.ORIGIN, 6, new byte[32], 99, java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), Checkpoint.noteHash(previous));

        jdbc.update("insert into " + MerkleLogSchema.CHECKPOINTS + " (tree_size, last_position, root_hash, signed_at,"
                        + " key_id, previous_hash, note) values (6, 99, ?, now(), ?, ?, ?)", new byte[32],
                stranger.keyId(), fake.previous(), SignedNote.sign(fake.body(), stranger, pair.getPrivate()));

        JsonNode report = verify("");
        assertThat(breaks(report)).hasSize(1);
        assertThat(kinds(report)).containsExactly("forged-checkpoint");
        assertThat(report.get("breaks").get(0).get("detail").asText()).contains("no published key");
    }

    @Test
    void aRangeOfPositionsIsRecheckedAlone() {
        List<Appended> events = twoCrises();
        signer.sign();
        Appended target = events.get(3);
        jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(jsonb_set(convert_from(payload,"
                + " 'UTF8')::jsonb, '{reason}', '\"edited\"')::text, 'UTF8') where global_index = ?", target.position());

        JsonNode before = verify("?from=" + events.get(0).position() + "&to=" + events.get(2).position());
        JsonNode covering = verify("?from=" + events.get(3).position() + "&to=" + events.get(3).position());

        assertThat(before.get("events").asLong()).isEqualTo(3);
        assertThat(kinds(before)).doesNotContain("altered-event", "broken-link", "missing-event");
        assertThat(covering.get("events").asLong()).isEqualTo(1);
        assertThat(breaks(covering)).contains(tuple("altered-event", target.position()));
        assertThat(kinds(covering)).doesNotContain("broken-link", "missing-event");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"from=0, from", "to=0, to", "from=5&to=4, to", "from=first, from", "to=x, to",
            "aggregateId=abc&from=1, from"})
    void aBadVerifyParameterIsAnInvalidRequest(String query, String field) {
        Api.Answer answer = api.get("/api/audit/verify?" + query).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains(field);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The origin the test signer uses. */
    private static final class LogSignerOrigin {
        static final String ORIGIN = org.crisiscoordination.query.support.LogSigner.ORIGIN;
    }

    /** A crisis of four events, and one of one, interleaved: positions 0-2 and 4 are the first's, 3 the second's. */
    private List<Appended> twoCrises() {
        CrisisId crisis = CrisisId.random();
        List<Appended> events = new ArrayList<>();
        events.add(store.append("Crisis", crisis.toString(), raised(crisis)));
        events.add(store.append("Crisis", crisis.toString(), escalated(crisis, 1)));
        events.add(store.append("Crisis", crisis.toString(), escalated(crisis, 2)));
        events.add(appendCrisis());
        events.add(store.append("Crisis", crisis.toString(), escalated(crisis, 3)));
        return events;
    }

    private Appended appendCrisis() {
        CrisisId other = CrisisId.random();
        return store.append("Crisis", other.toString(), raised(other));
    }

    private CrisisId crisis(int escalations) {
        CrisisId crisis = CrisisId.random();
        store.append("Crisis", crisis.toString(), raised(crisis));
        for (int i = 1; i <= escalations; i++) {
            store.append("Crisis", crisis.toString(), escalated(crisis, i));
        }
        return crisis;
    }

    private static RegionalCrisisRaised raised(CrisisId crisis) {
        return new RegionalCrisisRaised(crisis, "Standoff", "Scarborough Shoal", SecurityTopic.MARITIME_SECURITY,
                Severity.of(1), List.of(StateCode.of("PH")), "ships blocked");
    }

    private static CrisisEscalated escalated(CrisisId crisis, int step) {
        return new CrisisEscalated(crisis, Severity.of(step), Severity.of(step + 1), "step " + step);
    }

    /**
     * Rewrites every event of an aggregate with another reason and recomputes the whole chain, so
     * that it holds in itself; with {@code leavesToo}, the leaves are made to match as well.
     */
    private void rewriteChain(String aggregateId, boolean leavesToo) {
        List<Map<String, Object>> rows = jdbc.queryForList("select global_index, convert_from(payload, 'UTF8') as payload,"
                + " convert_from(meta_data, 'UTF8') as meta from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? order by sequence_number", aggregateId);
        String previous = HashChain.GENESIS;
        for (Map<String, Object> row : rows) {
            long position = ((Number) row.get("global_index")).longValue();
            JsonNode entry = api.get("/api/audit?after=" + (position - 1) + "&limit=1").send().json().get("entries").get(0);
            ObjectNode payload = (ObjectNode) read((String) row.get("payload"));
            if (payload.has("reason")) {
                payload.put("reason", "rewritten");
            } else {
                payload.put("summary", "rewritten");
            }
            AuditRecord record = new AuditRecord(entry.get("aggregateType").asText(), aggregateId,
                    entry.get("sequence").asLong(), entry.get("eventType").asText(), payload,
                    entry.get("occurredAt").asText(), entry.get("actor").asText(), null,
                    entry.get("commandId").asText(), entry.get("correlationId").asText(),
                    entry.get("causationId").asText());
            String hash = HashChain.hash(previous, record);
            ObjectNode meta = (ObjectNode) read((String) row.get("meta"));
            meta.put("previousHash", previous).put("hash", hash);
            jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(?, 'UTF8'),"
                    + " meta_data = convert_to(?, 'UTF8') where global_index = ?", payload.toString(), meta.toString(), position);
            if (leavesToo) {
                jdbc.update("update " + MerkleLogSchema.LEAVES + " set event_hash = ? where global_index = ?",
                        HEX.parseHex(hash), position);
            }
            previous = hash;
        }
    }

    private JsonNode verify(String query) {
        Api.Answer answer = api.get("/api/audit/verify" + query).send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static List<org.assertj.core.groups.Tuple> breaks(JsonNode report) {
        List<org.assertj.core.groups.Tuple> breaks = new ArrayList<>();
        report.get("breaks").forEach(b -> breaks.add(tuple(b.get("kind").asText(),
                b.get("position").isNull() ? null : b.get("position").asLong())));
        return breaks;
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.get("breaks").forEach(b -> kinds.add(b.get("kind").asText()));
        return kinds;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
