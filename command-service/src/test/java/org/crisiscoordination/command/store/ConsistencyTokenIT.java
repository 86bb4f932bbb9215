package org.crisiscoordination.command.store;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;

/**
 * A write's consistency token carries the global position it appended (base64url of
 * {@code p1:<position>}): the highest global index of the events the write stored.
 */
class ConsistencyTokenIT extends CommandServiceIT {

    @Test
    void aRaisesTokenNamesTheGlobalPositionOfItsEvent() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).send();

        assertThat(positionIn(answer)).isEqualTo(lastPositionOf(answer.text("aggregateId")));
    }

    @Test
    void everyWritesTokenNamesTheGlobalPositionOfTheEventItAppended() {
        String crisisId = Crises.raise(api);
        String referralId = Crises.refer(api, crisisId, "ASEAN");
        List<Api.Answer> answers = new ArrayList<>();

        for (String[] write : List.of(
                new String[]{path(crisisId, "/escalations"), Crises.severity(4)},
                new String[]{path(crisisId, "/de-escalations"), Crises.severity(2)},
                new String[]{referralPath(crisisId, referralId, "/acceptance"), "{}"},
                new String[]{referralPath(crisisId, referralId, "/outcome"), Crises.OUTCOME},
                new String[]{path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD")},
                new String[]{path(crisisId, "/resolution"), Crises.RESOLUTION})) {
            Api.Answer answer = api.post(write[0], write[1]).send();
            assertThat(answer.status()).as(write[0]).isEqualTo(200);
            assertThat(positionIn(answer)).as(write[0]).isEqualTo(lastPositionOf(crisisId));
            answers.add(answer);
        }

        assertThat(answers).extracting(ConsistencyTokenIT::positionIn).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aTokenIsBase64UrlWithoutPadding() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).send();

        assertThat(answer.text("consistencyToken")).matches("[A-Za-z0-9_-]+");
    }

    private long lastPositionOf(String aggregateId) {
        Long position = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, aggregateId);
        assertThat(position).isNotNull();
        return position;
    }

    private static long positionIn(Api.Answer answer) {
        String decoded = new String(Base64.getUrlDecoder().decode(answer.text("consistencyToken")),
                StandardCharsets.US_ASCII);
        assertThat(decoded).matches("p1:[0-9]+");
        return Long.parseLong(decoded.substring(3));
    }
}
