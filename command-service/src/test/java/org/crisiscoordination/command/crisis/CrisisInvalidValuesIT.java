package org.crisiscoordination.command.crisis;

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
 * Values the crisis endpoints refuse before any command exists: missing and invalid fields (all
 * named at once in {@code errors}), unknown enum values and malformed ids, in the body or the
 * path. Each is a 400 invalid-request, never a 500, and appends nothing.
 */
class CrisisInvalidValuesIT extends CommandServiceIT {

    private String crisisId;
    private long storedBefore;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
        storedBefore = eventCount();
    }

    @Test
    void anEmptyRaiseNamesEveryMissingFieldAtOnce() {
        Api.Answer answer = api.post("/api/crises", "{}").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem))
                .containsExactlyInAnyOrder("title", "hotspot", "topic", "severity", "involvedStates", "summary");
        assertNothingAppended();
    }

    @Test
    void everyInvalidFieldOfARaiseIsNamedAtOnce() {
        Api.Answer answer = api.post("/api/crises", """
                {"crisisId":"not-a-uuid","title":"%s","hotspot":" ","topic":"ALIEN_INVASION",
                 "severity":9,"involvedStates":["PH","XX","PH"],"summary":""}
                """.formatted("t".repeat(201))).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("crisisId", "title", "hotspot", "topic",
                "severity", "involvedStates[1]", "involvedStates[2]", "summary");
        assertThat(errorMessage(problem, "title")).contains("200");
        assertThat(errorMessage(problem, "severity")).contains("1").contains("5");
        assertThat(problem.path("detail").asText()).contains("title").contains("topic").contains("severity");
        assertNothingAppended();
    }

    @Test
    void anUnknownTopicIsRefusedNamingTheKnownOnes() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("MARITIME_SECURITY", "maritime_security")).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("topic");
        assertThat(errorMessage(problem, "topic")).contains("MARITIME_SECURITY", "DISASTER_RELIEF");
        assertNothingAppended();
    }

    @Test
    void anUnknownOrganizationIsRefused() {
        String referrals = path(crisisId, "/referrals");

        Api.Answer answer = api.post(referrals, Crises.referral("NATO")).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", referrals);
        assertThat(errorFields(problem)).containsExactly("organization");
        assertNothingAppended();
    }

    @Test
    void anUnknownBlocIsRefused() {
        String involvements = path(crisisId, "/minilateral-involvements");

        Api.Answer answer = api.post(involvements, Crises.involvement("FIVE_EYES")).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", involvements);
        assertThat(errorFields(problem)).containsExactly("bloc");
        assertNothingAppended();
    }

    @Test
    void aMalformedReferralIdInTheBodyIsRefused() {
        String referrals = path(crisisId, "/referrals");

        Api.Answer answer = api.post(referrals, Crises.referral("12345", "ASEAN")).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", referrals);
        assertThat(errorFields(problem)).containsExactly("referralId");
        assertNothingAppended();
    }

    @Test
    void blankTextOfEveryEndpointIsNamed() {
        assertInvalid(path(crisisId, "/escalations"), "{\"severity\":4,\"reason\":\" \"}", "reason");
        assertInvalid(path(crisisId, "/de-escalations"), "{\"severity\":2}", "reason");
        assertInvalid(path(crisisId, "/referrals"), "{\"organization\":\"ASEAN\",\"mandate\":\"\"}", "mandate");
        assertInvalid(referralPath(crisisId, Crises.randomId(), "/decline"), "{}", "reason");
        assertInvalid(referralPath(crisisId, Crises.randomId(), "/outcome"), "{\"findings\":\"x\"}", "recommendation");
        assertInvalid(path(crisisId, "/minilateral-involvements"), "{\"bloc\":\"QUAD\"}", "description");
        assertInvalid(path(crisisId, "/resolution"), "{\"resolution\":null}", "resolution");
        assertNothingAppended();
    }

    @Test
    void aMalformedCrisisIdInThePathIsRefused() {
        String escalations = "/api/crises/not-a-uuid/escalations";

        Api.Answer answer = api.post(escalations, Crises.severity(4)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", escalations);
        assertThat(errorFields(problem)).containsExactly("crisisId");
        assertNothingAppended();
    }

    @Test
    void aMalformedReferralIdInThePathIsRefused() {
        String acceptance = referralPath(crisisId, "42", "/acceptance");

        Api.Answer answer = api.post(acceptance, "{}").send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", acceptance);
        assertThat(errorFields(problem)).containsExactly("referralId");
        assertNothingAppended();
    }

    @Test
    void aNullInsideTheInvolvedStatesIsNamedByItsIndex() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("[\"PH\",\"CN\"]", "[\"PH\",null]")).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("involvedStates[1]");
        assertNothingAppended();
    }

    private void assertInvalid(String path, String body, String field) {
        Api.Answer answer = api.post(path, body).send();
        JsonNode problem = assertProblem(answer, 400, "invalid-request", path);
        assertThat(errorFields(problem)).as(path).containsExactly(field);
    }

    private void assertNothingAppended() {
        assertThat(eventCount()).isEqualTo(storedBefore);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }
}
