package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;
import static org.crisiscoordination.command.support.ProblemAssertions.errorMessage;

/**
 * Request bodies are read strictly: JSON that is malformed, not an object, has unknown or
 * duplicate properties, trailing content, numbers as strings, fractions for integers or the wrong
 * JSON type is a 400 malformed-request naming the field where it can, and appends nothing.
 */
class StrictJsonIT extends CommandServiceIT {

    private String crisisId;
    private long storedBefore;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
        storedBefore = eventCount();
    }

    @Test
    void malformedJsonIsRefusedAsAMalformedRequest() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\": 4, \"reason\": ").send();

        assertProblem(answer, 400, "malformed-request", escalations);
        assertNothingAppended();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        Api.Answer answer = api.post("/api/crises", "[\"Reef standoff\"]").send();

        assertProblem(answer, 400, "malformed-request", "/api/crises");
        assertNothingAppended();
    }

    @Test
    void aMissingBodyIsRefusedWhereTheEndpointNeedsOne() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, null).send();

        assertProblem(answer, 400, "malformed-request", escalations);
        assertNothingAppended();
    }

    @Test
    void anUnknownPropertyIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":4,\"reason\":\"r\",\"urgency\":\"high\"}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("urgency");
        assertNothingAppended();
    }

    @Test
    void anUnknownPropertyOfTheAcceptanceIsRefused() {
        String referralId = Crises.refer(api, crisisId, "ASEAN");
        long before = eventCount();
        String acceptance = referralPath(crisisId, referralId, "/acceptance");

        Api.Answer answer = api.post(acceptance, "{\"accepted\":true}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", acceptance);
        assertThat(errorFields(problem)).containsExactly("accepted");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":4,\"reason\":\"r\",\"severity\":5}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(problem.path("detail").asText()).contains("severity");
        assertNothingAppended();
    }

    @Test
    void aNumberGivenAsAStringIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":\"4\",\"reason\":\"r\"}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("severity");
        assertThat(errorMessage(problem, "severity")).isEqualTo("must be a whole number");
        assertNothingAppended();
    }

    @Test
    void aFractionWhereAnIntegerIsDueIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":4.0,\"reason\":\"r\"}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("severity");
        assertNothingAppended();
    }

    @Test
    void wordsWhereANumberIsDueAreRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":\"high\",\"reason\":\"r\"}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("severity");
        assertNothingAppended();
    }

    @Test
    void aNumberWhereAStringIsDueIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":4,\"reason\":42}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("reason");
        assertThat(errorMessage(problem, "reason")).isEqualTo("must be a string");
        assertNothingAppended();
    }

    @Test
    void aStringWhereAnArrayIsDueIsRefused() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("[\"PH\",\"CN\"]", "\"PH\"")).send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("involvedStates");
        assertNothingAppended();
    }

    @Test
    void aNumberInsideAnArrayOfCodesIsNamedByItsIndex() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("[\"PH\",\"CN\"]", "[\"PH\",63]")).send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("involvedStates[1]");
        assertNothingAppended();
    }

    @Test
    void trailingContentAfterTheJsonObjectIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, Crises.severity(4) + " {}").send();

        assertProblem(answer, 400, "malformed-request", escalations);
        assertNothingAppended();
    }

    @Test
    void aSeverityTooLargeForAnyNumberTypeIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":99999999999,\"reason\":\"r\"}").send();

        assertProblem(answer, 400, "malformed-request", escalations);
        assertNothingAppended();
    }

    @Test
    void aJsonNullBodyIsRefusedWhereTheEndpointNeedsOne() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "null").send();

        assertProblem(answer, 400, "malformed-request", escalations);
        assertNothingAppended();
    }

    @Test
    void aBooleanWhereANumberIsDueIsRefused() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, "{\"severity\":true,\"reason\":\"r\"}").send();

        JsonNode problem = assertProblem(answer, 400, "malformed-request", escalations);
        assertThat(errorFields(problem)).containsExactly("severity");
        assertNothingAppended();
    }

    private void assertNothingAppended() {
        assertThat(eventCount()).isEqualTo(storedBefore);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }
}
