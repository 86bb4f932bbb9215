package org.crisiscoordination.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crisis walked from raise to resolution through the command service's API, and seen on the
 * query service's board and timeline. Visibility times are the benchmark's business (deploy/bench);
 * here each step is only awaited, with a bound generous enough for a loaded CI machine.
 */
class CrisisTrackEndToEndIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start(TestDatabase.fresh());
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void walksACrisisFromRaiseThroughReferralToResolution() {
        Http.Answer raised = Http.post(system.commandUrl + "/api/crises", """
                {"title":"Standoff at Second Thomas Shoal","hotspot":"Second Thomas Shoal",
                 "topic":"MARITIME_SECURITY","severity":3,"involvedStates":["PH","CN"],
                 "summary":"A resupply mission was blocked by coast guard vessels"}""",
                "X-Correlation-Id", "walk-1", "X-On-Behalf-Of", "PH");
        assertThat(raised.status()).isEqualTo(201);
        String crisis = raised.body().get("id").asText();
        assertThat(raised.header("Location")).isEqualTo(system.queryUrl + "/api/crises/" + crisis);
        awaitOnBoard(crisis, 0, "RAISED");

        Http.Answer referred = Http.post(system.commandUrl + "/api/crises/" + crisis + "/referrals",
                """
                {"organization":"ASEAN","mandate":"Convene the ASEAN Regional Forum on the incident"}""");
        assertThat(referred.status()).isEqualTo(201);
        String referral = referred.body().get("referralId").asText();
        awaitOnBoard(crisis, 1, "COORDINATING");

        String referralPath = system.commandUrl + "/api/crises/" + crisis + "/referrals/" + referral;
        assertThat(Http.post(referralPath + "/acceptance", "{}").status()).isEqualTo(200);
        awaitOnBoard(crisis, 2, "COORDINATING");
        assertThat(Http.post(referralPath + "/outcome", """
                {"findings":"Both sides agreed to a hotline","recommendation":"Joint patrol protocol"}""").status())
                .isEqualTo(200);
        awaitOnBoard(crisis, 3, "COORDINATING");
        Http.Answer resolved = Http.post(system.commandUrl + "/api/crises/" + crisis + "/resolution",
                """
                {"resolution":"Resupply resumed under the agreed protocol"}""");
        assertThat(resolved.status()).isEqualTo(200);
        JsonNode board = awaitOnBoard(crisis, 4, "RESOLVED");

        JsonNode referralView = board.get("mechanismTrack").get("referrals").get(0);
        assertThat(referralView.get("organization").asText()).isEqualTo("ASEAN");
        assertThat(referralView.get("status").asText()).isEqualTo("OUTCOME_REPORTED");
        assertThat(referralView.get("findings").asText()).isEqualTo("Both sides agreed to a hotline");
        assertThat(board.get("resolution").asText()).isEqualTo("Resupply resumed under the agreed protocol");

        JsonNode timeline = Http.get(system.queryUrl + "/api/crises/" + crisis + "/timeline").body().get("entries");
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).containsExactly("RegionalCrisisRaised", "CrisisReferredToOrganization", "ReferralAccepted",
                "ReferralOutcomeReported", "CrisisResolved");
        JsonNode first = timeline.get(0);
        assertThat(first.get("actor").asText()).isEqualTo("end-to-end@secretariat");
        assertThat(first.get("onBehalfOf").asText()).isEqualTo("PH");
        assertThat(first.get("correlationId").asText()).isEqualTo("walk-1");
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i).get("previousHash").asText()).isEqualTo(timeline.get(i - 1).get("hash").asText());
        }
        JsonNode verification = Http.get(system.queryUrl + "/api/audit/verify?aggregateId=" + crisis).body();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(5);
    }

    @Test
    void readsItsOwnWriteWithTheConsistencyToken() {
        Http.Answer raised = Http.post(system.commandUrl + "/api/crises", """
                {"title":"Typhoon landfall","hotspot":"Eastern Visayas","topic":"DISASTER_RELIEF","severity":2,
                 "involvedStates":["PH"],"summary":"Category 5 typhoon"}""");
        String token = raised.body().get("consistencyToken").asText();

        Http.Answer read = Http.get(system.queryUrl + "/api/crises/" + raised.body().get("id").asText(),
                "X-Consistency-Token", token);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
    }

    private static JsonNode awaitOnBoard(String crisis, long version, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            Http.Answer answer = Http.get(system.queryUrl + "/api/crises/" + crisis);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("version").asLong()).isEqualTo(version);
            assertThat(answer.body().get("status").asText()).isEqualTo(status);
            seen[0] = answer.body();
        });
        return seen[0];
    }
}
