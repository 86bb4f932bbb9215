package org.crisiscoordination.command.store;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Concurrently;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * With no retries, a write that loses a race on the (aggregate, sequence) key is a 409
 * concurrent-write, never a 500, and appends nothing: PostgreSQL's unique violation (23505) is a
 * concurrency failure, not a storage error.
 */
@TestPropertySource(properties = "crisis.writes.retry-attempts=1")
class LostRaceIT extends CommandServiceIT {

    private static final int WRITERS = 10;
    private static final int MAX_ROUNDS = 20;

    @Test
    void concurrentInvolvementsEitherSucceedOrLoseWith409AndOnlyWinnersAppend() throws Exception {
        List<Api.Answer> lost = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS && lost.isEmpty(); round++) {
            String crisisId = Crises.raise(api);
            String involvements = path(crisisId, "/minilateral-involvements");

            List<Api.Answer> answers = Concurrently.run(WRITERS, i -> api.post(involvements, Crises.involvement("QUAD"))
                    .send());

            assertThat(answers).extracting(Api.Answer::status).isSubsetOf(200, 409);
            long succeeded = answers.stream().filter(a -> a.status() == 200).count();
            assertThat(succeeded).isPositive();
            assertThat(eventCount(crisisId)).isEqualTo(1 + succeeded);
            answers.stream().filter(a -> a.status() == 409).forEach(a -> {
                assertProblem(a, 409, "concurrent-write", involvements);
                lost.add(a);
            });
            assertThat(answers.stream().filter(a -> a.status() == 200).map(a -> a.json().get("version").asLong()))
                    .doesNotHaveDuplicates().allMatch(v -> v >= 1 && v <= succeeded);
            assertChainIntact(crisisId);
        }
        assertThat(lost).as("a race was lost in %d rounds of %d writers", MAX_ROUNDS, WRITERS).isNotEmpty();
    }

    @Test
    void concurrentEscalationsToOneSeverityLetExactlyOneWinAndRefuseTheRestWith409() throws Exception {
        String crisisId = Crises.raise(api);
        String escalations = path(crisisId, "/escalations");

        List<Api.Answer> answers = Concurrently.run(WRITERS, i -> api.post(escalations, Crises.severity(5)).send());

        assertThat(answers).extracting(Api.Answer::status).isSubsetOf(200, 409);
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> {
            String type = assertProblemShape(a, escalations);
            assertThat(type).isIn("urn:crisis-coordination:problem:concurrent-write",
                    "urn:crisis-coordination:problem:rule-violated");
            if (type.endsWith("rule-violated")) {
                assertThat(a.text("rule")).isEqualTo("severity-not-higher");
            }
        });
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    private static String assertProblemShape(Api.Answer answer, String path) {
        String type = answer.text("type");
        assertProblem(answer, 409, type.substring(type.lastIndexOf(':') + 1), path);
        return type;
    }

    private void assertChainIntact(String crisisId) {
        List<StoredEvent> stored = new StoredEvents(jdbc).of(crisisId);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).sequence()).isEqualTo(i);
            if (i > 0) {
                assertThat(stored.get(i).meta("previousHash")).isEqualTo(stored.get(i - 1).meta("hash"));
            }
        }
    }
}
