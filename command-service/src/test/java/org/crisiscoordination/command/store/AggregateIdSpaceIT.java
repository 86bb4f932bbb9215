package org.crisiscoordination.command.store;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * All aggregate types share one id space: a crisis endpoint addressed with the id of another
 * aggregate's stream answers 404 and never replays that stream into a crisis.
 */
class AggregateIdSpaceIT extends CommandServiceIT {

    private String channelId;

    @BeforeEach
    void aStreamOfAnotherAggregateType() {
        channelId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload, meta_data)
                values (?, ?, 0, 'MajorPowerChannel', '2024-06-17T00:00:00Z',
                    'org.crisiscoordination.kernel.channel.MajorPowerChannelConvened', '{}'::bytea, '{}'::bytea)""",
                UUID.randomUUID().toString(), channelId);
    }

    @Test
    void escalatingTheIdOfAChannelIs404CrisisNotFoundAndAppendsNothing() {
        long before = eventCount();
        String escalations = path(channelId, "/escalations");

        Api.Answer answer = api.post(escalations, Crises.severity(4)).send();

        assertProblem(answer, 404, "not-found", escalations);
        assertThat(answer.text("rule")).isEqualTo("crisis-not-found");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(channelId)).isEqualTo(1);
    }

    @Test
    void everyCrisisEndpointTreatsTheIdOfAChannelAsUnknown() {
        String referralId = UUID.randomUUID().toString();
        long before = eventCount();

        assertNotFound(path(channelId, "/de-escalations"), Crises.severity(1));
        assertNotFound(path(channelId, "/referrals"), Crises.referral("ASEAN"));
        assertNotFound(referralPath(channelId, referralId, "/acceptance"), "{}");
        assertNotFound(referralPath(channelId, referralId, "/decline"), Crises.DECLINE);
        assertNotFound(referralPath(channelId, referralId, "/outcome"), Crises.OUTCOME);
        assertNotFound(path(channelId, "/minilateral-involvements"), Crises.involvement("QUAD"));
        assertNotFound(path(channelId, "/resolution"), Crises.RESOLUTION);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void raisingACrisisWithTheIdOfAChannelIs409CrisisAlreadyExists() {
        long before = eventCount();

        Api.Answer answer = api.post("/api/crises", Crises.raiseWithId(channelId)).send();

        assertProblem(answer, 409, "rule-violated", "/api/crises");
        assertThat(answer.text("rule")).isEqualTo("crisis-already-exists");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aCrisisEndpointAddressedWithAConvenedChannelsIdIs404AndTheChannelStillLoadsItsOwnStream() {
        String crisisId = Crises.raise(api);
        Api.Answer convened = api.post("/api/channels", """
                {"crisisId":"%s","participants":["CN","US","ASEAN"],"agenda":"Resupply of the outpost"}
                """.formatted(crisisId)).send();
        assertThat(convened.status()).as(convened.raw().body()).isEqualTo(201);
        String convenedId = convened.text("channelId");
        long before = eventCount();

        assertNotFound(path(convenedId, "/escalations"), Crises.severity(4));
        Api.Answer acknowledged = api.post("/api/channels/" + convenedId + "/acknowledgements",
                "{\"participant\":\"CN\"}").send();

        assertThat(acknowledged.status()).as(acknowledged.raw().body()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    private void assertNotFound(String path, String body) {
        Api.Answer answer = api.post(path, body).send();
        assertProblem(answer, 404, "not-found", path);
        assertThat(answer.text("rule")).as(path).isEqualTo("crisis-not-found");
    }
}
