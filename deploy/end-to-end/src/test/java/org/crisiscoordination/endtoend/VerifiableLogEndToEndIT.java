package org.crisiscoordination.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The log that proves itself, on the built jars against PostgreSQL: a checkpoint signed on demand
 * is kept by an outside witness ({@code deploy/verify save}); then PostgreSQL is changed behind the
 * system's back, and {@code GET /api/audit/verify} names each change, the signer refuses to sign
 * over changed leaves, and {@code deploy/verify check} exposes even a change that keeps every chain
 * valid.
 */
class VerifiableLogEndToEndIT {

    private static TestDatabase.Database database;
    private static RunningSystem system;

    @TempDir
    Path witness;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.fresh();
        system = RunningSystem.start(database);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void eachTamperIsReportedAndAKeptCheckpointExposesEvenAConsistentOne() throws Exception {
        Api command = new Api(system.commandUrl);
        Api query = new Api(system.queryUrl);
        List<String> crises = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            crises.add(crisisOfThreeEvents(command));
        }
        assertThat(command.post("/api/audit/checkpoints", null).send().status()).isEqualTo(201);
        assertThat(verify(query).get("valid").asBoolean()).isTrue();
        assertThat(witness("save")).isZero();
        assertThat(witness("check")).isZero();

        long altered = position(crises.get(0), 1);
        long middle = position(crises.get(1), 1);
        long last = position(crises.get(2), 2);
        sql("update event_store.domain_event_entry set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')"
                + "::jsonb, '{reason}', '\"nothing happened\"')::text, 'UTF8') where global_index = ?", altered);
        sql("delete from event_store.domain_event_entry where global_index = ?", middle);
        sql("delete from event_store.domain_event_entry where global_index = ?", last);

        List<org.assertj.core.groups.Tuple> breaks = breaks(verify(query));
        assertThat(breaks).contains(tuple("altered-event", altered), tuple("missing-event", middle),
                tuple("missing-event", last));
        // the leaves still say what was logged: the signer has nothing new to sign, and signs nothing false
        assertThat(command.post("/api/audit/checkpoints", null).send().status()).isEqualTo(200);

        // a tamper that keeps every chain valid: the last aggregate's last event and its leaf, both gone
        long consistent = position(crises.get(3), 2);
        sql("delete from event_store.domain_event_entry where global_index = ?", consistent);
        sql("delete from event_store.merkle_leaf where global_index = ?", consistent);

        assertThat(query.get("/api/audit/verify?aggregateId=" + crises.get(3)).send().json().get("valid").asBoolean())
                .isTrue();
        assertThat(breaks(verify(query))).contains(tuple("checkpoint-mismatch", null));
        assertThat(command.post("/api/audit/checkpoints", null).send().text("type"))
                .isEqualTo("urn:crisis-coordination:problem:log-tampered");
        assertThat(witness("check")).isEqualTo(1);
        assertThat(output).contains("FAILED").contains("leaves were removed or changed");
    }

    private String output = "";

    /** Runs {@code deploy/verify} as an outsider would. */
    private int witness(String command) throws Exception {
        Path script = Path.of(System.getProperty("crisis.launcher.script")).resolveSibling("verify");
        Process process = new ProcessBuilder(script.toString(), command, "--url", system.queryUrl,
                "--dir", witness.toString(), "--token", TestCaller.auditor().token()).redirectErrorStream(true).start();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private static String crisisOfThreeEvents(Api command) {
        Api.Answer raised = command.post("/api/crises", """
                {"title":"Standoff","hotspot":"Second Thomas Shoal","topic":"MARITIME_SECURITY","severity":2,
                 "involvedStates":["PH","CN"],"summary":"A resupply mission was blocked"}""").send();
        assertThat(raised.status()).isEqualTo(201);
        String crisis = raised.text("id");
        for (int severity = 3; severity <= 4; severity++) {
            assertThat(command.post("/api/crises/" + crisis + "/escalations",
                    "{\"severity\":" + severity + ",\"reason\":\"step " + severity + "\"}").send().status()).isEqualTo(200);
        }
        return crisis;
    }

    private static JsonNode verify(Api query) {
        Api.Answer answer = query.get("/api/audit/verify").send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static List<org.assertj.core.groups.Tuple> breaks(JsonNode report) {
        List<org.assertj.core.groups.Tuple> breaks = new ArrayList<>();
        report.get("breaks").forEach(b -> breaks.add(tuple(b.get("kind").asText(),
                b.get("position").isNull() ? null : b.get("position").asLong())));
        return breaks;
    }

    private static long position(String aggregateId, long sequence) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select global_index from"
                     + " event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = ?")) {
            query.setString(1, aggregateId);
            query.setLong(2, sequence);
            try (var rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static void sql(String statement, long position) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setLong(1, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
