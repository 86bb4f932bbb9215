package org.crisiscoordination.command.crisis;

import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.crisiscoordination.command.channel.PowerTrackPolicy;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ResolveCrisis;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.crisiscoordination.command.support.RuleViolations.violating;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.IN;
import static org.crisiscoordination.kernel.region.MajorPower.RU;
import static org.crisiscoordination.kernel.region.MajorPower.US;
import static org.hamcrest.Matchers.anything;
import static org.hamcrest.Matchers.equalTo;

/**
 * The power track of a {@link Crisis}: the crisis convenes its major-power channel, records it opened and closed,
 * and closes it when it resolves. The crisis creates the channel with {@code AggregateLifecycle.createNew}; the
 * fixture reports the new channel's {@code MajorPowerChannelConvened} after the crisis's {@code PowerTrackOpened},
 * as a plain event message (only the crisis's own events are stored as its history), and keeps the
 * acknowledgement deadlines the channel schedules in its own deadline manager.
 */
class CrisisPowerTrackTest {

    private static final StateCode PH = StateCode.of("PH");
    private static final StateCode CHINA = StateCode.of("CN");
    private static final StateCode INDIA = StateCode.of("IN");
    private static final StateCode PK = StateCode.of("PK");

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final String AGENDA = "Prevent a collision between coast guard vessels at Second Thomas Shoal";
    private static final String RESOLUTION = "Both parties agreed a provisional arrangement for resupply missions";
    private static final List<MajorPower> CN_US_ASEAN = List.of(CN, US, ASEAN);

    private final CrisisId crisisId = CrisisId.random();
    private final ChannelId channelId = ChannelId.random();
    private final ChannelId earlierChannelId = ChannelId.random();
    private FixtureConfiguration<Crisis> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new PowerTrackPolicy(3));
    }

    // convening: accepted

    @Test
    void canConveneTheMajorPowersForACrisisAtTheThresholdSeverity() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PowerTrackOpened(crisisId, channelId),
                        convened(CN_US_ASEAN, Duration.ofHours(24)));
    }

    @Test
    void conveningSchedulesOneAcknowledgementDeadlinePerParticipantAtItsAcknowledgeBy() {
        Instant acknowledgeBy = NOW.plus(Duration.ofHours(6));
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(CN_US_ASEAN, Duration.ofHours(6)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId), convened(CN_US_ASEAN, Duration.ofHours(6)))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(CN))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(US))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(ASEAN))
                .expectNoScheduledDeadlineMatching(acknowledgeBy, deadlineOf(RU))
                .expectNoScheduledDeadlineMatching(NOW, acknowledgeBy.minusNanos(1), anything())
                .expectNoScheduledDeadlineMatching(acknowledgeBy.plusNanos(1), acknowledgeBy.plus(Duration.ofDays(60)),
                        anything());
    }

    @Test
    void conveningWithoutAnAcknowledgementWindowGivesTheParticipantsTwentyFourHours() {
        Instant acknowledgeBy = NOW.plus(Duration.ofHours(24));
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(CN_US_ASEAN, null))
                .expectEvents(new PowerTrackOpened(crisisId, channelId), convened(CN_US_ASEAN, Duration.ofHours(24)))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(CN))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(US))
                .expectScheduledDeadlineMatching(acknowledgeBy, deadlineOf(ASEAN));
    }

    @Test
    void canConveneAtAHigherSeverityThanTheThreshold() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(5))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId),
                        convened(CN_US_ASEAN, Duration.ofHours(24)));
    }

    @Test
    void canConveneOnceAnEscalationReachedTheThreshold() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(2),
                        new CrisisEscalated(crisisId, Severity.of(2), Severity.of(3), "Water cannon used"))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId),
                        convened(CN_US_ASEAN, Duration.ofHours(24)));
    }

    @Test
    void canConveneForACrisisBetweenIndiaAndPakistanWithIndiaAndWithoutAsean() {
        List<MajorPower> participants = List.of(IN, CN);
        fixture.givenCurrentTime(NOW)
                .andGiven(lineOfControlRaised())
                .when(convene(participants, Duration.ofHours(24)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId), convened(participants, Duration.ofHours(24)));
    }

    @Test
    void canConveneAgainOnceThePowerTrackClosed() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, earlierChannelId),
                        new PowerTrackClosed(crisisId, earlierChannelId, ChannelOutcome.NO_CONSENSUS))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId),
                        convened(CN_US_ASEAN, Duration.ofHours(24)));
    }

    @Test
    void conveningMovesTheCrisisToCoordinating() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectSuccessfulHandlerExecution()
                .expectState(crisis -> assertThat(crisis).extracting("status").isEqualTo(CrisisStatus.COORDINATING));
    }

    @Test
    void canConveneAgainOnceItsChannelClosedAndResolveClosingTheNewOneByItsCommands() {
        ChannelId secondChannelId = ChannelId.random();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(
                        new RaiseRegionalCrisis(crisisId, "Standoff at Second Thomas Shoal",
                                "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY,
                                Severity.of(3), List.of(PH, CHINA),
                                "A Philippine resupply mission to the BRP Sierra Madre was blocked"),
                        convene(CN_US_ASEAN, Duration.ofHours(24)),
                        new RecordPowerTrackClosed(crisisId, channelId, ChannelOutcome.NO_CONSENSUS),
                        new ConveneMajorPowerChannel(secondChannelId, crisisId, CN_US_ASEAN, AGENDA, null))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION),
                        new PowerTrackClosed(crisisId, secondChannelId, ChannelOutcome.CRISIS_RESOLVED));
    }

    // convening: refused

    @Test
    void cannotConveneForAResolvedCrisis() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(4), new CrisisResolved(crisisId, RESOLUTION))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotConveneForACrisisBelowTheThresholdSeverity() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(2))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_BELOW_CHANNEL_THRESHOLD));
    }

    @Test
    void cannotConveneOnceADeescalationWentBelowTheThreshold() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(4),
                        new CrisisDeescalated(crisisId, Severity.of(4), Severity.of(2), "Both coast guards withdrew"))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_BELOW_CHANNEL_THRESHOLD));
    }

    @Test
    void cannotConveneAtSeverityThreeWhenTheThresholdIsFour() {
        fixtureWith(new PowerTrackPolicy(4))
                .givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_BELOW_CHANNEL_THRESHOLD));
    }

    @Test
    void canConveneAtSeverityFourWhenTheThresholdIsFour() {
        fixtureWith(new PowerTrackPolicy(4))
                .givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(4))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectEvents(new PowerTrackOpened(crisisId, channelId),
                        convened(CN_US_ASEAN, Duration.ofHours(24)));
    }

    @Test
    void cannotConveneWhileAChannelIsOpen() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, earlierChannelId))
                .when(convene(CN_US_ASEAN, Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_ALREADY_OPEN));
    }

    @Test
    void cannotConveneASecondChannelByItsCommandsWhileTheFirstIsOpen() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(
                        new RaiseRegionalCrisis(crisisId, "Standoff at Second Thomas Shoal",
                                "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY,
                                Severity.of(3), List.of(PH, CHINA),
                                "A Philippine resupply mission to the BRP Sierra Madre was blocked"),
                        convene(CN_US_ASEAN, Duration.ofHours(24)))
                .when(new ConveneMajorPowerChannel(ChannelId.random(), crisisId, CN_US_ASEAN, AGENDA, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_ALREADY_OPEN));
    }

    @Test
    void cannotConveneWithoutAnInvolvedMajorPower() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(List.of(US, ASEAN), Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.INVOLVED_POWER_MISSING));
    }

    @Test
    void cannotConveneForACrisisBetweenIndiaAndPakistanWithoutIndia() {
        fixture.givenCurrentTime(NOW)
                .andGiven(lineOfControlRaised())
                .when(convene(List.of(CN, US), Duration.ofHours(24)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.INVOLVED_POWER_MISSING));
    }

    @Test
    void cannotConveneWithoutAseanWhenAnAseanMemberIsInvolved() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3))
                .when(convene(List.of(CN, US), Duration.ofHours(24)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ASEAN_MISSING));
    }

    // resolving with a channel

    @Test
    void resolvingWithAnOpenChannelClosesItsPowerTrackAfterTheResolution() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION),
                        new PowerTrackClosed(crisisId, channelId, ChannelOutcome.CRISIS_RESOLVED));
    }

    @Test
    void resolvingAfterThePowerTrackClosedClosesNoChannel() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId),
                        new PowerTrackClosed(crisisId, channelId, ChannelOutcome.SUPERSEDED))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION));
    }

    @Test
    void cannotResolveWithAnOpenChannelWhileAReferralAwaitsAnAnswer() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId),
                        new CrisisReferredToOrganization(crisisId, ReferralId.random(), Organization.ASEAN,
                                "Facilitate talks on a code of conduct"))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_AWAITS_ANSWER));
    }

    // recording the channel's closure

    @Test
    void recordingTheClosureOfTheOpenChannelClosesThePowerTrack() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId))
                .when(new RecordPowerTrackClosed(crisisId, channelId, ChannelOutcome.NO_CONSENSUS))
                .expectEvents(new PowerTrackClosed(crisisId, channelId, ChannelOutcome.NO_CONSENSUS));
    }

    @Test
    void recordingTheClosureOfAnotherChannelDoesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId))
                .when(new RecordPowerTrackClosed(crisisId, earlierChannelId, ChannelOutcome.NO_CONSENSUS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordingTheClosureOfAChannelThatIsClosedAlreadyDoesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId),
                        new PowerTrackClosed(crisisId, channelId, ChannelOutcome.JOINT_STATEMENT_ADOPTED))
                .when(new RecordPowerTrackClosed(crisisId, channelId, ChannelOutcome.JOINT_STATEMENT_ADOPTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordingAClosureAfterTheResolutionClosedThePowerTrackDoesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(reefStandoffRaised(3), new PowerTrackOpened(crisisId, channelId),
                        new CrisisResolved(crisisId, RESOLUTION),
                        new PowerTrackClosed(crisisId, channelId, ChannelOutcome.CRISIS_RESOLVED))
                .when(new RecordPowerTrackClosed(crisisId, channelId, ChannelOutcome.CRISIS_RESOLVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // the commands and events

    private FixtureConfiguration<Crisis> fixtureWith(PowerTrackPolicy policy) {
        FixtureConfiguration<Crisis> configured = new AggregateTestFixture<>(Crisis.class);
        configured.registerInjectableResource(policy);
        return configured;
    }

    private ConveneMajorPowerChannel convene(List<MajorPower> participants, Duration acknowledgeWithin) {
        return new ConveneMajorPowerChannel(channelId, crisisId, participants, AGENDA, acknowledgeWithin);
    }

    /** The channel's first event, as convened at {@link #NOW}. */
    private MajorPowerChannelConvened convened(List<MajorPower> participants, Duration acknowledgeWithin) {
        return new MajorPowerChannelConvened(channelId, crisisId, participants, AGENDA,
                new AcknowledgementDeadline(acknowledgeWithin, NOW.plus(acknowledgeWithin)));
    }

    private RegionalCrisisRaised reefStandoffRaised(int severity) {
        return new RegionalCrisisRaised(crisisId, "Standoff at Second Thomas Shoal",
                "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY, Severity.of(severity),
                List.of(PH, CHINA), "A Philippine resupply mission to the BRP Sierra Madre was blocked");
    }

    private RegionalCrisisRaised lineOfControlRaised() {
        return new RegionalCrisisRaised(crisisId, "Exchange of fire across the Line of Control", "Kashmir",
                SecurityTopic.MILITARY_CONFRONTATION, Severity.of(4), List.of(INDIA, PK),
                "Artillery fire was exchanged across the Line of Control for two nights");
    }

    /** The acknowledgement deadline of {@code participant}: the channel's deadlines carry the participant. */
    private static Matcher<Message<?>> deadlineOf(MajorPower participant) {
        return messageWithPayload(equalTo(participant));
    }
}
