package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;

/**
 * The headers of a write: X-Actor is required, X-On-Behalf-Of, If-Match and Idempotency-Key must
 * be well formed; each mistake is a 400 naming the header and appends nothing.
 */
class WriteHeadersIT extends CommandServiceIT {

    private String crisisId;
    private String escalations;
    private long storedBefore;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
        escalations = path(crisisId, "/escalations");
        storedBefore = eventCount();
    }

    @Test
    void aWriteWithoutXActorIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("X-Actor", null).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("X-Actor");
        assertNothingAppended();
    }

    @Test
    void aRaiseWithoutXActorIsRefused() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).header("X-Actor", null).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("X-Actor");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }

    @Test
    void aBlankXActorIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("X-Actor", " ").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("X-Actor");
        assertNothingAppended();
    }

    @Test
    void anXOnBehalfOfThatNamesNoPartyIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("X-On-Behalf-Of", "Atlantis").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("X-On-Behalf-Of");
        assertNothingAppended();
    }

    @Test
    void anUnquotedIfMatchIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("If-Match", "0").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("If-Match");
        assertNothingAppended();
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("If-Match", "\"abc\"").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("If-Match");
        assertNothingAppended();
    }

    @Test
    void anIdempotencyKeyWithSpacesIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("Idempotency-Key", "my key").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("Idempotency-Key");
        assertNothingAppended();
    }

    @Test
    void anIdempotencyKeyLongerThan255CharactersIsRefused() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("Idempotency-Key", "k".repeat(256)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("Idempotency-Key");
        assertNothingAppended();
    }

    @Test
    void everyMalformedHeaderIsNamedAtOnce() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("X-Actor", null)
                .header("X-On-Behalf-Of", "Atlantis").header("If-Match", "W/\"1\"")
                .header("Idempotency-Key", "k".repeat(256)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem))
                .containsExactlyInAnyOrder("X-Actor", "X-On-Behalf-Of", "If-Match", "Idempotency-Key");
        assertNothingAppended();
    }

    @Test
    void theCorrelationIdSentIsEchoedOnAnAnswerAndItsProblem() {
        Api.Answer written = api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD"))
                .header("X-Correlation-Id", "incident-2024-001").send();
        Api.Answer refused = api.post(escalations, Crises.severity(4)).header("X-Actor", null)
                .header("X-Correlation-Id", "incident-2024-002").send();

        assertThat(written.status()).isEqualTo(200);
        assertThat(written.header("X-Correlation-Id")).isEqualTo("incident-2024-001");
        JsonNode problem = assertProblem(refused, 400, "invalid-request", escalations);
        assertThat(problem.path("correlationId").asText()).isEqualTo("incident-2024-002");
    }

    @Test
    void aCorrelationIdIsGeneratedWhenNoneIsSentOrTheOneSentIsUnsound() {
        Api.Answer without = api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD")).send();
        Api.Answer unsound = api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("AUKUS"))
                .header("X-Correlation-Id", "x".repeat(129)).send();

        assertThat(without.status()).isEqualTo(200);
        assertThat(unsound.status()).isEqualTo(200);
        assertThat(without.header("X-Correlation-Id")).isNotBlank();
        assertThat(unsound.header("X-Correlation-Id")).isNotBlank().isNotEqualTo("x".repeat(129))
                .isNotEqualTo(without.header("X-Correlation-Id"));
    }

    private void assertNothingAppended() {
        assertThat(eventCount()).isEqualTo(storedBefore);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }
}
