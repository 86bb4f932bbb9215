package org.crisiscoordination.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.edge.security.AccessTable;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rights matrix of the read API, over the running service: every endpoint of
 * {@link ReadRights#TABLE} with no token (401), a caller without its role (403, naming the
 * right) and the rightful caller (served). No read depends on a party, so there is no party
 * column; the audit's keys and checkpoints are open to anyone.
 */
class ReadRightsMatrixIT extends QueryServiceIT {

    /** Every role but the auditor's and the operator's. */
    private static final TestCaller COORDINATOR = new TestCaller("test-coordinator",
            List.of("SECRETARIAT", "DELEGATE", "LIAISON"), "CN");

    /** One read: its right, method and path, and who may and may not make it (null: anyone with a token may). */
    record Case(String right, String method, String path, TestCaller rightful, TestCaller wrongRole) {
    }

    private CrisisId crisis;
    private ChannelId channel;

    @BeforeEach
    void aCrisisWithAChannel() {
        History history = new History(events);
        Instant now = Instant.now();
        crisis = history.raise(SecurityTopic.MARITIME_SECURITY, now, "PH", "CN");
        channel = history.convene(crisis, now, Duration.ofHours(1), MajorPower.CN, MajorPower.US, MajorPower.ASEAN);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/channels/" + channel).send().status() == 200
                        && api.get("/api/crises/" + crisis).send().status() == 200);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        TestCaller anyone = TestCaller.reader();
        cases.add(new Case("read-board", "GET", "/api/crises", anyone, null));
        cases.add(new Case("read-crisis", "GET", "/api/crises/" + crisis, anyone, null));
        cases.add(new Case("read-channel", "GET", "/api/channels/" + channel, anyone, null));
        cases.add(new Case("read-metrics", "GET", "/api/metrics/coordination", anyone, null));
        cases.add(new Case("read-hotspots", "GET", "/api/hotspots", anyone, null));
        cases.add(new Case("read-timeline", "GET", "/api/crises/" + crisis + "/timeline", TestCaller.auditor(), COORDINATOR));
        cases.add(new Case("read-timeline", "GET", "/api/channels/" + channel + "/timeline", TestCaller.auditor(), COORDINATOR));
        cases.add(new Case("export-crisis", "GET", "/api/crises/" + crisis + "/export", TestCaller.auditor(), COORDINATOR));
        cases.add(new Case("read-audit-log", "GET", "/api/audit?after=0&limit=5", TestCaller.auditor(), COORDINATOR));
        cases.add(new Case("verify-audit-log", "GET", "/api/audit/verify?aggregateId=" + crisis, TestCaller.auditor(),
                COORDINATOR));
        cases.add(new Case("read-audit-proofs", "GET", "/api/audit/proofs/inclusion?position=1&treeSize=1",
                TestCaller.auditor(), TestCaller.operator()));
        cases.add(new Case("read-projections", "GET", "/api/projections", TestCaller.operator(), TestCaller.auditor()));
        cases.add(new Case("replay-projection", "POST", "/api/projections/security-mechanism/replay",
                TestCaller.operator(), TestCaller.auditor()));
        cases.add(new Case("read-dead-letters", "GET", "/api/projections/security-mechanism/dead-letters",
                TestCaller.operator(), TestCaller.auditor()));
        cases.add(new Case("retry-dead-letters", "POST", "/api/projections/security-mechanism/dead-letters/retry",
                TestCaller.operator(), TestCaller.auditor()));
        cases.add(new Case("retry-dead-letters", "POST",
                "/api/projections/security-mechanism/dead-letters/nothing-parked/retry", TestCaller.operator(),
                COORDINATOR));
        cases.add(new Case("evict-dead-letters", "DELETE",
                "/api/projections/security-mechanism/dead-letters/nothing-parked", TestCaller.operator(),
                TestCaller.auditor()));
        return cases;
    }

    @Test
    void withoutATokenEveryReadIs401() {
        for (Case read : cases()) {
            Api.Answer answer = request(read).anonymous().send();

            assertProblem(answer, 401, "authentication-required", read);
            assertThat(answer.header("WWW-Authenticate")).as(read.path()).isEqualTo("Bearer");
        }
    }

    @Test
    void aCallerWithoutTheRoleIs403NamingTheRight() {
        for (Case read : cases()) {
            if (read.wrongRole() == null) {
                continue;
            }
            Api.Answer answer = request(read).as(read.wrongRole()).send();

            JsonNode problem = assertProblem(answer, 403, "right-missing", read);
            assertThat(problem.path("right").asText()).as(read.path()).isEqualTo(read.right());
        }
    }

    @Test
    void theRightfulCallerIsServed() {
        for (Case read : cases()) {
            if (read.right().equals("read-audit-proofs")) {
                continue; // the proofs are the Merkle log's; here only their rights are the matter
            }
            Api.Answer answer = request(read).as(read.rightful()).send();

            assertThat(answer.status()).as("%s %s: %s", read.method(), read.path(), answer.raw().body())
                    .isIn(200, 202, 204);
        }
    }

    @Test
    void aCallerWithAnyValidTokenReadsBoardsViewsAndMetricsButNothingElse() {
        for (Case read : cases()) {
            Api.Answer answer = request(read).as(TestCaller.reader()).send();

            assertThat(answer.status()).as(read.path()).isEqualTo(read.wrongRole() == null ? 200 : 403);
        }
    }

    @Test
    void theAuditsKeysAndCheckpointsNeedNoToken() {
        for (String path : List.of("/api/audit/keys", "/api/audit/checkpoints")) {
            assertThat(api.get(path).anonymous().send().status()).as(path).isNotIn(401, 403);
        }
    }

    @Test
    void theMatrixCoversEveryReadOfTheTable() {
        assertThat(cases().stream().map(Case::right).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(ReadRights.TABLE.rows().stream()
                        .filter(row -> row.path().startsWith("/api/") && row.holder() != AccessTable.Holder.ANYONE)
                        .map(AccessTable.Row::right).distinct().toList());
    }

    private Api.Request request(Case read) {
        return switch (read.method()) {
            case "POST" -> api.post(read.path(), null);
            case "DELETE" -> api.delete(read.path());
            default -> api.get(read.path());
        };
    }

    private static JsonNode assertProblem(Api.Answer answer, int status, String slug, Case read) {
        assertThat(answer.status()).as("%s %s: %s", read.method(), read.path(), answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(read.path()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).as(read.path())
                .isEqualTo("urn:crisis-coordination:problem:" + slug);
        assertThat(answer.json().path("instance").asText()).as(read.path()).isEqualTo(read.path().split("\\?")[0]);
        assertThat(answer.json().path("correlationId").asText()).as(read.path()).isNotBlank();
        return answer.json();
    }
}
