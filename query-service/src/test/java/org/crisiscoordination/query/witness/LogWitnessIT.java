package org.crisiscoordination.query.witness;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.CompactRange;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.MerkleLogIT;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside witness ({@code deploy/verify}) against the running query service: it keeps a
 * checkpoint, accepts the log as it grows honestly, and exposes a rewrite made after it kept one,
 * however consistent, as well as a checkpoint not signed by the key it pinned.
 */
class LogWitnessIT extends MerkleLogIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aKeptCheckpointAndTheLogThatHonestlyGrewFromItCheckOut() throws Exception {
        CrisisId crisis = crisis();
        signer.sign();
        assertThat(witness("save")).isZero();
        escalate(crisis, 2);
        signer.sign();

        assertThat(witness("check")).as(output()).isZero();
        assertThat(output()).contains("OK").contains("tree size 2: consistent with tree size 3");
        assertThat(Files.readString(dir.resolve("verifier-key"))).startsWith(signer.key().keyId() + "+");
    }

    @Test
    void aLogRewrittenAfterACheckpointWasKeptFailsTheCheck() throws Exception {
        CrisisId crisis = crisis();
        signer.sign();
        assertThat(witness("save")).isZero();

        // behind the system's back: the payload rewritten, its hash recomputed, the leaves and even
        // the checkpoints made to match (re-signed here with the system's key, the worst case)
        jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(jsonb_set(convert_from(payload,"
                + " 'UTF8')::jsonb, '{reason}', '\"rewritten\"')::text, 'UTF8') where aggregate_identifier = ?"
                + " and sequence_number = 1", crisis.toString());
        rehashAndResign();

        assertThat(witness("check")).as(output()).isEqualTo(1);
        assertThat(output()).contains("FAILED").contains("no longer have the kept root");
    }

    @Test
    void aLatestCheckpointNotSignedByThePinnedKeyFailsTheCheck() {
        crisis();
        signer.sign();
        assertThat(witness("save")).isZero();

        jdbc.update("update " + MerkleLogSchema.CHECKPOINTS + " set note = replace(note, 'position', 'position ')");

        assertThat(witness("check")).isEqualTo(1);
        assertThat(output()).contains("does not carry a valid signature of the pinned key");
    }

    @Test
    void withoutAnyCheckpointKeptTheCheckSaysSo() {
        assertThat(witness("check")).isEqualTo(1);
        assertThat(output()).contains("no key is pinned");
        assertThat(witness("frobnicate")).isEqualTo(2);
    }

    private int witness(String command) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return LogWitness.run(List.of(command, "--url", url, "--dir", dir.toString(), "--token", TestCaller.auditor().token()),
                Map.of(), out);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private CrisisId crisis() {
        CrisisId crisis = CrisisId.random();
        store.append("Crisis", crisis.toString(), new RegionalCrisisRaised(crisis, "Standoff", "Scarborough Shoal",
                SecurityTopic.MARITIME_SECURITY, Severity.of(1), List.of(StateCode.of("PH")), "ships blocked"));
        escalate(crisis, 1);
        return crisis;
    }

    private void escalate(CrisisId crisis, int step) {
        store.append("Crisis", crisis.toString(), new CrisisEscalated(crisis, Severity.of(step), Severity.of(step + 1),
                "step " + step));
    }

    /** Recomputes the altered event's hash, the leaves, and re-signs the checkpoint over them. */
    private void rehashAndResign() throws Exception {
        var entries = api.get("/api/audit?after=0&limit=1000").send().json().get("entries");
        String previous = org.crisiscoordination.kernel.audit.HashChain.GENESIS;
        List<byte[]> leaves = new ArrayList<>();
        for (var entry : entries) {
            var record = new org.crisiscoordination.kernel.audit.AuditRecord(entry.get("aggregateType").asText(),
                    entry.get("aggregateId").asText(), entry.get("sequence").asLong(), entry.get("eventType").asText(),
                    entry.get("payload"), entry.get("occurredAt").asText(), entry.get("actor").asText(), null,
                    entry.get("commandId").asText(), entry.get("correlationId").asText(), entry.get("causationId").asText());
            String hash = org.crisiscoordination.kernel.audit.HashChain.hash(previous, record);
            long position = entry.get("position").asLong();
            jdbc.update("update " + EventStoreSchema.EVENTS + " set meta_data = convert_to(jsonb_set(jsonb_set(convert_from("
                    + "meta_data, 'UTF8')::jsonb, '{previousHash}', to_jsonb(?::text)), '{hash}', to_jsonb(?::text))::text,"
                    + " 'UTF8') where global_index = ?", previous, hash, position);
            jdbc.update("update " + MerkleLogSchema.LEAVES + " set event_hash = ? where global_index = ?",
                    java.util.HexFormat.of().parseHex(hash), position);
            leaves.add(MerkleTree.leafHash(hash));
            previous = hash;
        }
        CompactRange tree = new CompactRange();
        leaves.forEach(tree::append);
        Checkpoint old = Checkpoint.parse(SignedNote.text(jdbc.queryForObject("select note from "
                + MerkleLogSchema.CHECKPOINTS, String.class)));
        Checkpoint forged = new Checkpoint(old.origin(), old.treeSize(), tree.root(), old.lastPosition(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
        jdbc.update("update " + MerkleLogSchema.CHECKPOINTS + " set root_hash = ?, note = ?", tree.root(),
                SignedNote.sign(forged.body(), signer.key(), signer.pair().getPrivate()));
    }
}
