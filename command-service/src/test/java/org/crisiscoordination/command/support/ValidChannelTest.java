package org.crisiscoordination.command.support;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.crisiscoordination.command.crisis.Crisis;
import org.crisiscoordination.command.channel.PowerTrackPolicy;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel.DEFAULT_ACKNOWLEDGE_WITHIN;

/** The valid-channel fixture is what the convene rules accept, whatever states a crisis involves. */
class ValidChannelTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"PH CN", "IN CN", "IN PK", "PH", "PK", "AU", "US CN RU JP IN", "VN MY"})
    void aCrisisAcceptsTheFixturesParticipants(String states) {
        List<StateCode> involved = Arrays.stream(states.split(" ")).map(StateCode::of).toList();
        List<MajorPower> participants = ValidChannel.participantsFor(involved);
        CrisisId crisis = CrisisId.random();
        ChannelId channel = ChannelId.random();
        FixtureConfiguration<Crisis> fixture = new AggregateTestFixture<>(Crisis.class);
        fixture.registerInjectableResource(new PowerTrackPolicy(3));

        fixture.givenCurrentTime(NOW)
                .andGiven(new RegionalCrisisRaised(crisis, "A crisis", "A hotspot", SecurityTopic.MARITIME_SECURITY,
                        Severity.of(3), involved, "what happened"))
                .when(new ConveneMajorPowerChannel(channel, crisis, participants, Channels.AGENDA, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PowerTrackOpened(crisis, channel), new MajorPowerChannelConvened(channel, crisis,
                        participants, Channels.AGENDA,
                        new AcknowledgementDeadline(DEFAULT_ACKNOWLEDGE_WITHIN, NOW.plus(DEFAULT_ACKNOWLEDGE_WITHIN))));
    }
}
