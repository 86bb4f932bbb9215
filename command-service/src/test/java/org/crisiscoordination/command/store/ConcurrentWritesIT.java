package org.crisiscoordination.command.store;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Concurrently;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;

/**
 * With the default retries, writes that race on one aggregate without If-Match all succeed: the
 * server runs a write that lost again, on the new version.
 */
class ConcurrentWritesIT extends CommandServiceIT {

    private static final List<String> BLOCS = List.of("QUAD", "AUKUS", "US_JP_KR", "QUAD", "AUKUS");

    @Test
    void fiveConcurrentInvolvementsInOneCrisisAllSucceedAndAppendFiveEvents() throws Exception {
        String crisisId = Crises.raise(api);

        List<Api.Answer> answers = Concurrently.run(5, i ->
                api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement(BLOCS.get(i))).send());

        assertThat(answers).extracting(Api.Answer::status).containsOnly(200);
        assertThat(answers).extracting(a -> a.json().get("version").asLong())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(eventCount(crisisId)).isEqualTo(6);
        assertChainIntact(crisisId);
    }

    @Test
    void concurrentWritesToDifferentCrisesAllSucceed() throws Exception {
        List<String> crises = List.of(Crises.raise(api), Crises.raise(api), Crises.raise(api), Crises.raise(api));

        List<Api.Answer> answers = Concurrently.run(8, i ->
                api.post(path(crises.get(i % 4), "/minilateral-involvements"), Crises.involvement("QUAD")).send());

        assertThat(answers).extracting(Api.Answer::status).containsOnly(200);
        crises.forEach(id -> assertThat(eventCount(id)).isEqualTo(3));
    }

    private void assertChainIntact(String crisisId) {
        List<StoredEvent> stored = new StoredEvents(jdbc).of(crisisId);
        assertThat(stored).extracting(StoredEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).meta("previousHash")).isEqualTo(stored.get(i - 1).meta("hash"));
        }
    }
}
