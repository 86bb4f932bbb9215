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

/** {@code If-Match: "<version>"} makes a write conditional: the current version runs, any other is 412. */
class ConditionalWritesIT extends CommandServiceIT {

    private String crisisId;

    @BeforeEach
    void aCrisisAtVersionOne() {
        crisisId = Crises.raise(api);
        assertThat(api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD")).send().status())
                .isEqualTo(200);
    }

    @Test
    void aWriteIfMatchingTheCurrentVersionRuns() {
        Api.Answer answer = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("If-Match", "\"1\"").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventCount(crisisId)).isEqualTo(3);
    }

    @Test
    void aWriteIfMatchingAStaleVersionIs412AndAppendsNothing() {
        String escalations = path(crisisId, "/escalations");
        long before = eventCount();

        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("If-Match", "\"0\"").send();

        JsonNode problem = assertProblem(answer, 412, "version-mismatch", escalations);
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(1);
        assertThat(problem.path("detail").asText()).contains("0").contains("1");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aWriteIfMatchingAVersionNotYetReachedIs412() {
        String resolution = path(crisisId, "/resolution");

        Api.Answer answer = api.post(resolution, Crises.RESOLUTION).header("If-Match", "\"7\"").send();

        assertProblem(answer, 412, "version-mismatch", resolution);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchOnAReferralOfTheCrisisIs412() {
        String referrals = path(crisisId, "/referrals");

        Api.Answer answer = api.post(referrals, Crises.referral("ASEAN")).header("If-Match", "\"0\"").send();

        assertProblem(answer, 412, "version-mismatch", referrals);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchOnAnswerAReferralIs412() {
        String referralId = Crises.refer(api, crisisId, "ASEAN");
        String acceptance = referralPath(crisisId, referralId, "/acceptance");

        Api.Answer stale = api.post(acceptance, "{}").header("If-Match", "\"1\"").send();
        Api.Answer current = api.post(acceptance, "{}").header("If-Match", "\"2\"").send();

        assertProblem(stale, 412, "version-mismatch", acceptance);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aClientThatReadsTheVersionFromAnAnswerCanWriteConditionallyAgainAndAgain() {
        long version = 1;
        for (int severity = 4; severity <= 5; severity++) {
            Api.Answer answer = api.post(path(crisisId, "/escalations"), Crises.severity(severity))
                    .header("If-Match", "\"" + version + "\"").send();
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
            version = answer.json().get("version").asLong();
        }

        assertThat(version).isEqualTo(3);
        assertThat(eventCount(crisisId)).isEqualTo(4);
    }

    @Test
    void aReferralIfMatchingAVersionNotYetReachedIs412() {
        String referrals = path(crisisId, "/referrals");

        Api.Answer answer = api.post(referrals, Crises.referral("ASEAN")).header("If-Match", "\"7\"").send();

        assertProblem(answer, 412, "version-mismatch", referrals);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aWriteIfMatchingTheCurrentVersionRunsBeyondVersion127() {
        for (int i = 0; i < 127; i++) {
            assertThat(api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("AUKUS")).send()
                    .status()).isEqualTo(200);
        }
        assertThat(eventCount(crisisId)).isEqualTo(129);

        Api.Answer stale = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("If-Match", "\"127\"").send();
        Api.Answer current = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("If-Match", "\"128\"").send();

        assertProblem(stale, 412, "version-mismatch", path(crisisId, "/escalations"));
        assertThat(current.status()).as(current.raw().body()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(129);
    }
}
