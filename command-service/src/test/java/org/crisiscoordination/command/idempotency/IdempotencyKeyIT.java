package org.crisiscoordination.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Concurrently;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * {@code Idempotency-Key}: a retry with the same key and body gets the first answer again and
 * appends nothing; the key is scoped to its caller, method and path; a refused request is not kept; answers
 * are kept in PostgreSQL; the same key with another body is 422.
 */
class IdempotencyKeyIT extends CommandServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void retryingARaiseAnswersTheFirstAnswerAgainAndRaisesNoSecondCrisis() {
        String key = newKey();
        Api.Answer first = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();
        long afterFirst = eventCount();

        Api.Answer retry = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventCount()).isEqualTo(afterFirst);
        assertThat(eventCount(first.text("id"))).isEqualTo(1);
    }

    @Test
    void aKeyIsTheCallersOwnSoAnotherCallersSameKeyIsAnotherWrite() {
        String key = newKey();
        Api.Answer mine = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key)
                .as(TestCaller.secretariat().withSubject("first-officer")).send();

        Api.Answer theirs = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key)
                .as(TestCaller.secretariat().withSubject("second-officer")).send();
        Api.Answer myRetry = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key)
                .as(TestCaller.secretariat().withSubject("first-officer")).send();

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).as("not the first officer's answer").isNull();
        assertThat(theirs.text("id")).isNotEqualTo(mine.text("id"));
        assertThat(myRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(myRetry.text("id")).isEqualTo(mine.text("id"));
    }

    @Test
    void retryingAChangeAnswersTheFirstAnswerAgainEvenAfterLaterWrites() {
        String crisisId = Crises.raise(api);
        String key = newKey();
        Api.Answer first = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("Idempotency-Key", key).send();
        api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD")).send();

        Api.Answer retry = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("Idempotency-Key", key).send();
        Api.Answer again = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.json().get("version").asLong()).isEqualTo(1);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount(crisisId)).isEqualTo(3);
    }

    @Test
    void retryingAReferralAnswersTheSameReferralId() {
        String crisisId = Crises.raise(api);
        String key = newKey();

        Api.Answer first = api.post(path(crisisId, "/referrals"), Crises.referral("ASEAN"))
                .header("Idempotency-Key", key).send();
        Api.Answer retry = api.post(path(crisisId, "/referrals"), Crises.referral("ASEAN"))
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("referralId")).isEqualTo(first.text("referralId"));
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void retryingAnAcceptanceWithoutABodyReplaysIt() {
        String crisisId = Crises.raise(api);
        String referralId = Crises.refer(api, crisisId, "ASEAN");
        String acceptance = referralPath(crisisId, referralId, "/acceptance");
        String key = newKey();

        Api.Answer first = api.post(acceptance, "{}").header("Idempotency-Key", key).send();
        Api.Answer retry = api.post(acceptance, null).header("Content-Type", null).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount(crisisId)).isEqualTo(3);
    }

    @Test
    void aConditionalWriteRetriedWithItsKeyReplaysRatherThanFailItsNowStaleIfMatch() {
        String crisisId = Crises.raise(api);
        String key = newKey();

        Api.Answer first = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("If-Match", "\"0\"").header("Idempotency-Key", key).send();
        Api.Answer retry = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("If-Match", "\"0\"").header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndAppendsNothing() {
        String crisisId = Crises.raise(api);
        String escalations = path(crisisId, "/escalations");
        String key = newKey();
        api.post(escalations, Crises.severity(4)).header("Idempotency-Key", key).send();
        long before = eventCount();

        Api.Answer reused = api.post(escalations, Crises.severity(5)).header("Idempotency-Key", key).send();

        assertProblem(reused, 422, "idempotency-key-reused", escalations);
        assertThat(reused.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void theSameKeyOnAnotherPathRunsAnew() {
        String first = Crises.raise(api);
        String second = Crises.raise(api);
        String key = newKey();

        Api.Answer onFirst = api.post(path(first, "/escalations"), Crises.severity(4)).header("Idempotency-Key", key).send();
        Api.Answer onSecond = api.post(path(second, "/escalations"), Crises.severity(4)).header("Idempotency-Key", key).send();
        Api.Answer onAnotherEndpoint = api.post(path(first, "/de-escalations"), Crises.severity(2))
                .header("Idempotency-Key", key).send();

        assertThat(onFirst.status()).isEqualTo(200);
        assertThat(onSecond.status()).isEqualTo(200);
        assertThat(onSecond.header("Idempotent-Replayed")).isNull();
        assertThat(onSecond.text("aggregateId")).isEqualTo(second);
        assertThat(onAnotherEndpoint.status()).isEqualTo(200);
        assertThat(onAnotherEndpoint.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(first)).isEqualTo(3);
        assertThat(eventCount(second)).isEqualTo(2);
        assertThat(storedKeys(key)).extracting(row -> row.get("path"))
                .containsExactlyInAnyOrder(path(first, "/escalations"), path(second, "/escalations"),
                        path(first, "/de-escalations"));
    }

    @Test
    void aRequestRefusedByARuleIsNotKeptSoACorrectedRetryWithTheSameKeyRuns() {
        String crisisId = Crises.raise(api);
        String escalations = path(crisisId, "/escalations");
        String key = newKey();

        Api.Answer refused = api.post(escalations, Crises.severity(2)).header("Idempotency-Key", key).send();
        Api.Answer corrected = api.post(escalations, Crises.severity(4)).header("Idempotency-Key", key).send();

        assertProblem(refused, 409, "rule-violated", escalations);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void anInvalidRequestIsNotKeptSoACorrectedRetryWithTheSameKeyRuns() {
        String key = newKey();

        Api.Answer refused = api.post("/api/crises", Crises.RAISE.replace("MARITIME_SECURITY", "PIRACY"))
                .header("Idempotency-Key", key).send();
        Api.Answer corrected = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();

        assertProblem(refused, 400, "invalid-request", "/api/crises");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(storedKeys(key)).hasSize(1);
    }

    @Test
    void aRequestForAnUnknownCrisisIsNotKept() {
        String unknown = Crises.randomId();
        String key = newKey();

        Api.Answer refused = api.post(path(unknown, "/escalations"), Crises.severity(4))
                .header("Idempotency-Key", key).send();

        assertProblem(refused, 404, "not-found", path(unknown, "/escalations"));
        assertThat(storedKeys(key)).isEmpty();
    }

    @Test
    void theAnswerIsKeptInPostgresqlWithTheRequestItAnswered() throws Exception {
        String key = newKey();
        Api.Answer first = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();

        List<Map<String, Object>> rows = storedKeys(key);

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("method")).isEqualTo("POST");
        assertThat(row.get("path")).isEqualTo("/api/crises");
        assertThat(row.get("status")).isEqualTo(201);
        assertThat(row.get("location")).isEqualTo(first.header("Location"));
        assertThat((String) row.get("request_hash")).matches("[0-9a-f]{64}");
        assertThat(JSON.readTree((String) row.get("answer"))).isEqualTo(first.json());
        assertThat(row.get("created_at")).isNotNull();
    }

    @Test
    void aKeptAnswerIsReplayedFromTheDatabase() {
        String key = newKey();
        Api.Answer first = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();
        JsonNode doctored = first.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doctored).put("consistencyToken", "from-the-database");
        jdbc.update("update event_store.idempotency_key set answer = ? where idempotency_key = ?",
                doctored.toString(), key);

        Api.Answer retry = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("consistencyToken")).isEqualTo("from-the-database");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnceAndTheOthersReplayItsAnswer() throws Exception {
        String crisisId = Crises.raise(api);
        String key = newKey();

        List<Api.Answer> answers = Concurrently.run(5, i -> api.post(path(crisisId, "/minilateral-involvements"),
                Crises.involvement("QUAD")).header("Idempotency-Key", key).send());

        assertThat(answers).extracting(Api.Answer::status).containsOnly(200);
        assertThat(answers).extracting(Api.Answer::json).containsOnly(answers.get(0).json());
        assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed"))).hasSize(4);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    private List<Map<String, Object>> storedKeys(String key) {
        return jdbc.queryForList("select method, path, request_hash, status, location, answer, created_at"
                + " from event_store.idempotency_key where idempotency_key = ?", key);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
