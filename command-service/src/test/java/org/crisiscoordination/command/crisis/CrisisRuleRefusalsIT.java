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

/**
 * Commands for what does not exist are 404, commands a state rule forbids are 409; both name the
 * rule in {@code rule} and {@code detail}, and append nothing.
 */
class CrisisRuleRefusalsIT extends CommandServiceIT {

    private String crisisId;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
    }

    @Test
    void everyCommandForAnUnknownCrisisIs404CrisisNotFound() {
        String unknown = Crises.randomId();
        String referral = Crises.randomId();
        long before = eventCount();

        assertRefused(404, "not-found", "crisis-not-found", path(unknown, "/escalations"), Crises.severity(4));
        assertRefused(404, "not-found", "crisis-not-found", path(unknown, "/de-escalations"), Crises.severity(2));
        assertRefused(404, "not-found", "crisis-not-found", path(unknown, "/referrals"), Crises.referral("ASEAN"));
        assertRefused(404, "not-found", "crisis-not-found", referralPath(unknown, referral, "/acceptance"), "{}");
        assertRefused(404, "not-found", "crisis-not-found", referralPath(unknown, referral, "/decline"), Crises.DECLINE);
        assertRefused(404, "not-found", "crisis-not-found", referralPath(unknown, referral, "/outcome"), Crises.OUTCOME);
        assertRefused(404, "not-found", "crisis-not-found", path(unknown, "/minilateral-involvements"),
                Crises.involvement("QUAD"));
        assertRefused(404, "not-found", "crisis-not-found", path(unknown, "/resolution"), Crises.RESOLUTION);

        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(unknown)).isZero();
    }

    @Test
    void answeringAnUnknownReferralIs404ReferralNotFound() {
        String unknown = Crises.randomId();

        assertRefused(404, "not-found", "referral-not-found", referralPath(crisisId, unknown, "/acceptance"), "{}");
        assertRefused(404, "not-found", "referral-not-found", referralPath(crisisId, unknown, "/decline"), Crises.DECLINE);
        assertRefused(404, "not-found", "referral-not-found", referralPath(crisisId, unknown, "/outcome"), Crises.OUTCOME);

        assertThat(eventCount(crisisId)).isEqualTo(1);
    }

    @Test
    void raisingWithAnIdAlreadyTakenIs409CrisisAlreadyExists() {
        long before = eventCount();

        JsonNode problem = assertRefused(409, "rule-violated", "crisis-already-exists", "/api/crises",
                Crises.raiseWithId(crisisId));

        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }

    @Test
    void escalatingToASeverityNotHigherIs409SeverityNotHigher() {
        JsonNode problem = assertRefused(409, "rule-violated", "severity-not-higher", path(crisisId, "/escalations"),
                Crises.severity(3));

        assertThat(problem.path("detail").asText()).contains("escalation").contains("3");
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }

    @Test
    void deescalatingToASeverityNotLowerIs409SeverityNotLower() {
        assertRefused(409, "rule-violated", "severity-not-lower", path(crisisId, "/de-escalations"), Crises.severity(4));

        assertThat(eventCount(crisisId)).isEqualTo(1);
    }

    @Test
    void referringToAnOrganizationWithoutJurisdictionIs409NoJurisdiction() {
        JsonNode problem = assertRefused(409, "rule-violated", "no-jurisdiction", path(crisisId, "/referrals"),
                Crises.referral("SAARC"));

        assertThat(problem.path("detail").asText()).contains("SAARC").contains("jurisdiction");
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }

    @Test
    void referringAgainWhileAReferralIsOpenIs409ReferralAlreadyOpen() {
        Crises.refer(api, crisisId, "ASEAN");

        JsonNode problem = assertRefused(409, "rule-violated", "referral-already-open", path(crisisId, "/referrals"),
                Crises.referral("ASEAN"));

        assertThat(problem.path("detail").asText()).contains("ASEAN");
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void referringWithAReferralIdTakenIs409ReferralIdTaken() {
        String referralId = Crises.randomId();
        assertThat(api.post(path(crisisId, "/referrals"), Crises.referral(referralId, "ASEAN")).send().status())
                .isEqualTo(201);

        assertRefused(409, "rule-violated", "referral-id-taken", path(crisisId, "/referrals"),
                Crises.referral(referralId, "SCO"));

        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void answeringAReferralTwiceIs409ReferralAlreadyAnswered() {
        String referralId = Crises.referAccepted(api, crisisId, "ASEAN");

        assertRefused(409, "rule-violated", "referral-already-answered",
                referralPath(crisisId, referralId, "/acceptance"), "{}");
        assertRefused(409, "rule-violated", "referral-already-answered",
                referralPath(crisisId, referralId, "/decline"), Crises.DECLINE);

        assertThat(eventCount(crisisId)).isEqualTo(3);
    }

    @Test
    void reportingAnOutcomeOfAReferralNotAcceptedIs409ReferralNotAccepted() {
        String referralId = Crises.refer(api, crisisId, "ASEAN");

        assertRefused(409, "rule-violated", "referral-not-accepted",
                referralPath(crisisId, referralId, "/outcome"), Crises.OUTCOME);

        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void resolvingWhileAReferralAwaitsAnAnswerIs409ReferralAwaitsAnswer() {
        Crises.refer(api, crisisId, "SCO");

        JsonNode problem = assertRefused(409, "rule-violated", "referral-awaits-answer", path(crisisId, "/resolution"),
                Crises.RESOLUTION);

        assertThat(problem.path("detail").asText()).contains("SCO");
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aResolvedCrisisRefusesEveryFurtherCommandWith409CrisisResolved() {
        String referralId = Crises.referAccepted(api, crisisId, "ASEAN");
        assertThat(api.post(path(crisisId, "/resolution"), Crises.RESOLUTION).send().status()).isEqualTo(200);
        long before = eventCount();

        assertRefused(409, "rule-violated", "crisis-resolved", path(crisisId, "/escalations"), Crises.severity(5));
        assertRefused(409, "rule-violated", "crisis-resolved", path(crisisId, "/de-escalations"), Crises.severity(1));
        assertRefused(409, "rule-violated", "crisis-resolved", path(crisisId, "/referrals"), Crises.referral("SCO"));
        assertRefused(409, "rule-violated", "crisis-resolved", referralPath(crisisId, referralId, "/acceptance"), "{}");
        assertRefused(409, "rule-violated", "crisis-resolved", referralPath(crisisId, referralId, "/decline"),
                Crises.DECLINE);
        assertRefused(409, "rule-violated", "crisis-resolved", referralPath(crisisId, referralId, "/outcome"),
                Crises.OUTCOME);
        assertRefused(409, "rule-violated", "crisis-resolved", path(crisisId, "/minilateral-involvements"),
                Crises.involvement("QUAD"));
        JsonNode again = assertRefused(409, "rule-violated", "crisis-resolved", path(crisisId, "/resolution"),
                Crises.RESOLUTION);

        assertThat(again.path("detail").asText()).contains(crisisId).contains("resolved");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(crisisId)).isEqualTo(4);
    }

    private JsonNode assertRefused(int status, String type, String rule, String path, String body) {
        Api.Answer answer = api.post(path, body).send();
        JsonNode problem = assertProblem(answer, status, type, path);
        assertThat(problem.path("rule").asText()).as("rule of %s", problem).isEqualTo(rule);
        return problem;
    }
}
