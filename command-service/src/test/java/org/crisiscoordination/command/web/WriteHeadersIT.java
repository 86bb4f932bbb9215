package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;

/**
 * The headers of a write: If-Match and Idempotency-Key must be well formed; each mistake is a 400
 * naming the header and appends nothing. Who writes comes from the token alone: the headers that
 * once named an actor or a party are not read at all.
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
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("If-Match", "W/\"1\"")
                .header("Idempotency-Key", "k".repeat(256)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("If-Match", "Idempotency-Key");
        assertNothingAppended();
    }

    @Test
    void theCorrelationIdSentIsEchoedOnAnAnswerAndItsProblem() {
        Api.Answer written = api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD"))
                .header("X-Correlation-Id", "incident-2024-001").send();
        Api.Answer refused = api.post(escalations, Crises.severity(4)).header("If-Match", "0")
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

    @Test
    void headersThatOnceNamedTheActorAndPartyAreIgnored() {
        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("X-Actor", "someone-else")
                .header("X-On-Behalf-Of", "Atlantis").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor'"
                + " from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
                String.class, crisisId)).isEqualTo(TestCaller.staff().actor());
    }

    private void assertNothingAppended() {
        assertThat(eventCount()).isEqualTo(storedBefore);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }
}
