package org.crisiscoordination.command.channel;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.AcknowledgeChannel;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.CloseChannel;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.EndorseJointStatement;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.channel.ProposeJointStatement;
import org.crisiscoordination.kernel.channel.SubmitPositionStatement;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.crisiscoordination.command.support.RuleViolations.violating;
import static org.crisiscoordination.kernel.channel.ChannelOutcome.CRISIS_RESOLVED;
import static org.crisiscoordination.kernel.channel.ChannelOutcome.JOINT_STATEMENT_ADOPTED;
import static org.crisiscoordination.kernel.channel.ChannelOutcome.NO_CONSENSUS;
import static org.crisiscoordination.kernel.channel.ChannelOutcome.SUPERSEDED;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.RU;
import static org.crisiscoordination.kernel.region.MajorPower.US;
import static org.hamcrest.Matchers.equalTo;

/**
 * The state rules of a {@link MajorPowerChannel}, given its past events, when a command arrives or time passes,
 * then the events it applies, the deadlines it keeps, or the rule it refuses with.
 * <p>
 * The channel has no command-handling constructor: its crisis creates it (see {@code CrisisPowerTrackTest}). Its
 * history is given as events; where its acknowledgement deadlines matter, a stand-in for the crisis creates it
 * through the same public constructor, so that the deadlines are scheduled in the fixture's deadline manager
 * (given events schedule none).
 */
class MajorPowerChannelTest {

    private static final Instant CONVENED_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofHours(24);
    private static final Instant ACKNOWLEDGE_BY = CONVENED_AT.plus(ACKNOWLEDGE_WITHIN);
    private static final Instant AN_HOUR_IN = CONVENED_AT.plus(Duration.ofHours(1));
    private static final List<MajorPower> PARTICIPANTS = List.of(CN, US, ASEAN);

    private static final String AGENDA = "Prevent a collision between coast guard vessels at Second Thomas Shoal";
    private static final String POSITION = "Resupply missions are humanitarian and must not be obstructed";
    private static final String DRAFT = "The parties will keep coast guard vessels at least one nautical mile apart";
    private static final String REVISED = "The parties will keep coast guard vessels at least two nautical miles apart";
    private static final String NOTE = "The talks moved to the ASEAN referral";

    private final CrisisId crisisId = CrisisId.random();
    private final ChannelId channelId = ChannelId.random();
    private final ProposalId proposalId = ProposalId.random();
    private final ProposalId revisedProposalId = ProposalId.random();
    private FixtureConfiguration<MajorPowerChannel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MajorPowerChannel.class);
        fixture.registerAnnotatedCommandHandler(new ConveningCrisis());
    }

    // acknowledging

    @Test
    void canAcknowledgeBeforeTheDeadlineAndIsNotLate() {
        givenAt(AN_HOUR_IN, convened())
                .when(new AcknowledgeChannel(channelId, CN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChannelParticipationAcknowledged(channelId, CN, false));
    }

    @Test
    void canAcknowledgeAtTheDeadlineAndIsNotLate() {
        givenAt(ACKNOWLEDGE_BY, convened())
                .when(new AcknowledgeChannel(channelId, US))
                .expectEvents(new ChannelParticipationAcknowledged(channelId, US, false));
    }

    @Test
    void canAcknowledgeAfterTheDeadlineAndIsLate() {
        givenAt(ACKNOWLEDGE_BY.plusSeconds(1), convened())
                .when(new AcknowledgeChannel(channelId, ASEAN))
                .expectEvents(new ChannelParticipationAcknowledged(channelId, ASEAN, true));
    }

    @Test
    void canAcknowledgeOnceTheAcknowledgementWasOverdueAndIsLate() {
        givenAt(ACKNOWLEDGE_BY.plus(Duration.ofHours(3)), convened(), overdue(CN))
                .when(new AcknowledgeChannel(channelId, CN))
                .expectEvents(new ChannelParticipationAcknowledged(channelId, CN, true));
    }

    @Test
    void cannotAcknowledgeTwice() {
        given(convened(), acknowledged(CN))
                .when(new AcknowledgeChannel(channelId, CN))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ALREADY_ACKNOWLEDGED));
    }

    @Test
    void cannotAcknowledgeAsANonParticipant() {
        given(convened())
                .when(new AcknowledgeChannel(channelId, RU))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NOT_A_PARTICIPANT));
    }

    @Test
    void cannotAcknowledgeAClosedChannel() {
        given(convened(), closed(NO_CONSENSUS))
                .when(new AcknowledgeChannel(channelId, CN))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    @Test
    void acknowledgingCancelsThatParticipantsDeadlineOnly() {
        givenConvenedByItsCrisis()
                .when(new AcknowledgeChannel(channelId, CN))
                .expectEvents(new ChannelParticipationAcknowledged(channelId, CN, false))
                .expectNoScheduledDeadlineMatching(deadlineOf(CN))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(US))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(ASEAN));
    }

    @Test
    void aRefusedAcknowledgementKeepsTheDeadlines() {
        givenConvenedByItsCrisis()
                .when(new AcknowledgeChannel(channelId, RU))
                .expectNoEvents()
                .expectException(violating(Rule.NOT_A_PARTICIPANT))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(CN))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(US))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(ASEAN));
    }

    // the acknowledgement deadlines

    @Test
    void theAcknowledgementOfEveryParticipantThatHasNotAcknowledgedIsOverdueAtTheDeadline() {
        givenConvenedByItsCrisis(new AcknowledgeChannel(channelId, US))
                .whenTimeAdvancesTo(ACKNOWLEDGE_BY)
                .expectTriggeredDeadlines(CN, ASEAN)
                .expectEvents(overdue(CN), overdue(ASEAN))
                .expectNoScheduledDeadlines();
    }

    @Test
    void everyAcknowledgementIsOverdueWhenNobodyAcknowledged() {
        givenConvenedByItsCrisis()
                .whenTimeElapses(ACKNOWLEDGE_WITHIN.plusHours(1))
                .expectTriggeredDeadlines(CN, US, ASEAN)
                .expectEvents(overdue(CN), overdue(US), overdue(ASEAN));
    }

    @Test
    void nothingIsOverdueBeforeTheDeadline() {
        givenConvenedByItsCrisis()
                .whenTimeElapses(ACKNOWLEDGE_WITHIN.minusSeconds(1))
                .expectTriggeredDeadlines()
                .expectNoEvents()
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(CN))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(US))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(ASEAN));
    }

    @Test
    void nothingIsOverdueWhenEveryParticipantAcknowledged() {
        givenConvenedByItsCrisis(new AcknowledgeChannel(channelId, CN), new AcknowledgeChannel(channelId, US),
                new AcknowledgeChannel(channelId, ASEAN))
                .whenTimeElapses(ACKNOWLEDGE_WITHIN.multipliedBy(2))
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    @Test
    void nothingIsOverdueOnceTheChannelClosed() {
        givenConvenedByItsCrisis(new AcknowledgeChannel(channelId, US), closeChannel(NO_CONSENSUS))
                .whenTimeElapses(ACKNOWLEDGE_WITHIN.multipliedBy(2))
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    @Test
    void aDeadlineThatFallsDueAfterTheChannelClosedDoesNothing() {
        given(convened(), closed(NO_CONSENSUS))
                .whenInvoking(channelId.toString(), channel -> channel.acknowledgementDue(CN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineThatFallsDueAfterTheParticipantAcknowledgedDoesNothing() {
        given(convened(), acknowledged(CN))
                .whenInvoking(channelId.toString(), channel -> channel.acknowledgementDue(CN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementIsOverdueOnlyOnce() {
        given(convened(), overdue(CN))
                .whenInvoking(channelId.toString(), channel -> channel.acknowledgementDue(CN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // position statements

    @Test
    void canSubmitAPositionStatement() {
        given(convened(), acknowledged(US))
                .when(new SubmitPositionStatement(channelId, US, POSITION))
                .expectEvents(new PositionStatementSubmitted(channelId, US, POSITION));
    }

    @Test
    void cannotSubmitAPositionStatementAsANonParticipant() {
        given(convened())
                .when(new SubmitPositionStatement(channelId, RU, POSITION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NOT_A_PARTICIPANT));
    }

    @Test
    void cannotSubmitAPositionStatementToAClosedChannel() {
        given(convened(), closed(CRISIS_RESOLVED))
                .when(new SubmitPositionStatement(channelId, US, POSITION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    // proposing a joint statement

    @Test
    void canProposeAJointStatement() {
        given(convened())
                .when(new ProposeJointStatement(channelId, proposalId, CN, DRAFT))
                .expectEvents(new JointStatementProposed(channelId, proposalId, CN, DRAFT, null));
    }

    @Test
    void aNewProposalReplacesTheUnadoptedOne() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US))
                .when(new ProposeJointStatement(channelId, revisedProposalId, ASEAN, REVISED))
                .expectEvents(new JointStatementProposed(channelId, revisedProposalId, ASEAN, REVISED, proposalId));
    }

    @Test
    void whoEndorsedAReplacedProposalMustEndorseTheNewOneAgain() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US),
                revised(revisedProposalId, ASEAN, REVISED, proposalId))
                .when(new EndorseJointStatement(channelId, US, revisedProposalId))
                .expectEvents(endorsed(revisedProposalId, US));
    }

    @Test
    void endorsementsOfAReplacedProposalDoNotCountTowardsConsensus() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN), endorsed(proposalId, US),
                revised(revisedProposalId, ASEAN, REVISED, proposalId), endorsed(revisedProposalId, ASEAN))
                .when(new EndorseJointStatement(channelId, CN, revisedProposalId))
                .expectEvents(endorsed(revisedProposalId, CN));
    }

    @Test
    void cannotProposeOnceAJointStatementWasAdopted() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN), endorsed(proposalId, US),
                endorsed(proposalId, ASEAN), adopted(proposalId, DRAFT))
                .when(new ProposeJointStatement(channelId, revisedProposalId, US, REVISED))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.JOINT_STATEMENT_ALREADY_ADOPTED));
    }

    @Test
    void cannotProposeWithTheIdOfTheCurrentProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT))
                .when(new ProposeJointStatement(channelId, proposalId, US, REVISED))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PROPOSAL_ID_TAKEN));
    }

    @Test
    void cannotProposeWithTheIdOfAReplacedProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT), revised(revisedProposalId, ASEAN, REVISED, proposalId))
                .when(new ProposeJointStatement(channelId, proposalId, US, DRAFT))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PROPOSAL_ID_TAKEN));
    }

    @Test
    void cannotProposeAsANonParticipant() {
        given(convened())
                .when(new ProposeJointStatement(channelId, proposalId, RU, DRAFT))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NOT_A_PARTICIPANT));
    }

    @Test
    void cannotProposeOnAClosedChannel() {
        given(convened(), closed(SUPERSEDED))
                .when(new ProposeJointStatement(channelId, proposalId, CN, DRAFT))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    // endorsing and adopting by consensus

    @Test
    void canEndorseTheCurrentProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT))
                .when(new EndorseJointStatement(channelId, US, proposalId))
                .expectEvents(endorsed(proposalId, US));
    }

    @Test
    void theJointStatementIsNotAdoptedBeforeEveryParticipantEndorsed() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN))
                .when(new EndorseJointStatement(channelId, US, proposalId))
                .expectEvents(endorsed(proposalId, US));
    }

    @Test
    void theProposerDoesNotEndorseItsProposalImplicitly() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US))
                .when(new EndorseJointStatement(channelId, ASEAN, proposalId))
                .expectEvents(endorsed(proposalId, ASEAN));
    }

    @Test
    void theJointStatementIsAdoptedWhenTheProposerEndorsesLast() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US), endorsed(proposalId, ASEAN))
                .when(new EndorseJointStatement(channelId, CN, proposalId))
                .expectEvents(endorsed(proposalId, CN), adopted(proposalId, DRAFT));
    }

    @Test
    void theJointStatementIsAdoptedWithTheTextOfTheCurrentProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT), revised(revisedProposalId, US, REVISED, proposalId),
                endorsed(revisedProposalId, CN), endorsed(revisedProposalId, US))
                .when(new EndorseJointStatement(channelId, ASEAN, revisedProposalId))
                .expectEvents(endorsed(revisedProposalId, ASEAN), adopted(revisedProposalId, REVISED));
    }

    @Test
    void cannotEndorseAReplacedProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT), revised(revisedProposalId, ASEAN, REVISED, proposalId))
                .when(new EndorseJointStatement(channelId, US, proposalId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PROPOSAL_NOT_CURRENT));
    }

    @Test
    void cannotEndorseAnUnknownProposal() {
        given(convened(), proposed(proposalId, CN, DRAFT))
                .when(new EndorseJointStatement(channelId, US, ProposalId.random()))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PROPOSAL_NOT_FOUND));
    }

    @Test
    void cannotEndorseTwice() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US))
                .when(new EndorseJointStatement(channelId, US, proposalId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ALREADY_ENDORSED));
    }

    @Test
    void cannotEndorseAsANonParticipant() {
        given(convened(), proposed(proposalId, CN, DRAFT))
                .when(new EndorseJointStatement(channelId, RU, proposalId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NOT_A_PARTICIPANT));
    }

    @Test
    void cannotEndorseOnAClosedChannel() {
        given(convened(), proposed(proposalId, CN, DRAFT), closed(NO_CONSENSUS))
                .when(new EndorseJointStatement(channelId, US, proposalId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    // closing

    @Test
    void canCloseWithTheAdoptedJointStatement() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN), endorsed(proposalId, US),
                endorsed(proposalId, ASEAN), adopted(proposalId, DRAFT))
                .when(closeChannel(JOINT_STATEMENT_ADOPTED))
                .expectEvents(closed(JOINT_STATEMENT_ADOPTED));
    }

    @Test
    void cannotCloseWithAnAdoptedJointStatementBeforeAnAdoption() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN), endorsed(proposalId, US))
                .when(closeChannel(JOINT_STATEMENT_ADOPTED))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NO_JOINT_STATEMENT_ADOPTED));
    }

    @Test
    void canCloseWithoutConsensusRightAfterConvening() {
        given(convened())
                .when(closeChannel(NO_CONSENSUS))
                .expectEvents(closed(NO_CONSENSUS));
    }

    @Test
    void canCloseAsSupersededWhileAProposalIsPending() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, US))
                .when(closeChannel(SUPERSEDED))
                .expectEvents(closed(SUPERSEDED));
    }

    @Test
    void canCloseAsSupersededAfterAnAdoption() {
        given(convened(), proposed(proposalId, CN, DRAFT), endorsed(proposalId, CN), endorsed(proposalId, US),
                endorsed(proposalId, ASEAN), adopted(proposalId, DRAFT))
                .when(closeChannel(SUPERSEDED))
                .expectEvents(closed(SUPERSEDED));
    }

    @Test
    void canCloseWithoutANote() {
        given(convened())
                .when(new CloseChannel(channelId, NO_CONSENSUS, null))
                .expectEvents(new MajorPowerChannelClosed(channelId, crisisId, NO_CONSENSUS, null));
    }

    @Test
    void cannotCloseTwice() {
        given(convened(), closed(NO_CONSENSUS))
                .when(closeChannel(SUPERSEDED))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    @Test
    void cannotCloseAChannelTheResolutionOfItsCrisisClosed() {
        given(convened(), closed(CRISIS_RESOLVED))
                .when(closeChannel(NO_CONSENSUS))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CHANNEL_CLOSED));
    }

    @Test
    void closingCancelsTheDeadlinesOfTheParticipantsThatHaveNotAcknowledged() {
        givenConvenedByItsCrisis(new AcknowledgeChannel(channelId, US))
                .when(closeChannel(NO_CONSENSUS))
                .expectEvents(closed(NO_CONSENSUS))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRefusedClosureKeepsTheDeadlines() {
        givenConvenedByItsCrisis()
                .when(closeChannel(JOINT_STATEMENT_ADOPTED))
                .expectNoEvents()
                .expectException(violating(Rule.NO_JOINT_STATEMENT_ADOPTED))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(CN))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(US))
                .expectScheduledDeadlineMatching(ACKNOWLEDGE_BY, deadlineOf(ASEAN));
    }

    // closing because the crisis resolved

    @Test
    void theResolutionOfItsCrisisClosesAnOpenChannel() {
        given(convened(), acknowledged(CN), proposed(proposalId, CN, DRAFT))
                .when(new CloseChannelOfResolvedCrisis(channelId))
                .expectEvents(new MajorPowerChannelClosed(channelId, crisisId, CRISIS_RESOLVED,
                        "the crisis was resolved"));
    }

    @Test
    void theResolutionOfItsCrisisCancelsTheOutstandingDeadlines() {
        givenConvenedByItsCrisis(new AcknowledgeChannel(channelId, ASEAN))
                .when(new CloseChannelOfResolvedCrisis(channelId))
                .expectEvents(new MajorPowerChannelClosed(channelId, crisisId, CRISIS_RESOLVED,
                        "the crisis was resolved"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theResolutionOfItsCrisisDoesNothingToAClosedChannel() {
        given(convened(), closed(NO_CONSENSUS))
                .when(new CloseChannelOfResolvedCrisis(channelId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // the history a channel is given

    /**
     * Stands in for the crisis, which creates its channel through the channel's public constructor with the
     * deadline manager (see {@code Crisis}); here the deadline manager is the fixture's own.
     */
    private class ConveningCrisis {

        @CommandHandler
        void handle(ConveneMajorPowerChannel command, DeadlineManager deadlines) throws Exception {
            fixture.getRepository().newInstance(() -> new MajorPowerChannel(command, deadlines));
        }
    }

    /** The channel convened by its crisis at {@link #CONVENED_AT}, then the given commands at that same time. */
    private TestExecutor<MajorPowerChannel> givenConvenedByItsCrisis(Object... laterCommands) {
        TestExecutor<MajorPowerChannel> executor = fixture.givenCurrentTime(CONVENED_AT)
                .andGivenCommands(new ConveneMajorPowerChannel(channelId, crisisId, PARTICIPANTS, AGENDA,
                        ACKNOWLEDGE_WITHIN));
        return executor.andGivenCommands(laterCommands);
    }

    /** The given events, with the command of the when-phase arriving an hour after convening, well before the deadline. */
    private TestExecutor<MajorPowerChannel> given(Object... events) {
        return givenAt(AN_HOUR_IN, events);
    }

    private TestExecutor<MajorPowerChannel> givenAt(Instant now, Object... events) {
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    private MajorPowerChannelConvened convened() {
        return new MajorPowerChannelConvened(channelId, crisisId, PARTICIPANTS, AGENDA,
                new AcknowledgementDeadline(ACKNOWLEDGE_WITHIN, ACKNOWLEDGE_BY));
    }

    private ChannelParticipationAcknowledged acknowledged(MajorPower participant) {
        return new ChannelParticipationAcknowledged(channelId, participant, false);
    }

    private ChannelAcknowledgementOverdue overdue(MajorPower participant) {
        return new ChannelAcknowledgementOverdue(channelId, participant, ACKNOWLEDGE_BY);
    }

    private JointStatementProposed proposed(ProposalId id, MajorPower proposer, String text) {
        return new JointStatementProposed(channelId, id, proposer, text, null);
    }

    private JointStatementProposed revised(ProposalId id, MajorPower proposer, String text, ProposalId replaced) {
        return new JointStatementProposed(channelId, id, proposer, text, replaced);
    }

    private JointStatementEndorsed endorsed(ProposalId id, MajorPower participant) {
        return new JointStatementEndorsed(channelId, id, participant);
    }

    private JointStatementAdopted adopted(ProposalId id, String text) {
        return new JointStatementAdopted(channelId, id, text);
    }

    private CloseChannel closeChannel(ChannelOutcome outcome) {
        return new CloseChannel(channelId, outcome, NOTE);
    }

    private MajorPowerChannelClosed closed(ChannelOutcome outcome) {
        return new MajorPowerChannelClosed(channelId, crisisId, outcome,
                outcome == CRISIS_RESOLVED ? "the crisis was resolved" : NOTE);
    }

    /** The acknowledgement deadline of {@code participant}: the channel's deadlines carry the participant. */
    private static Matcher<Message<?>> deadlineOf(MajorPower participant) {
        return messageWithPayload(equalTo(participant));
    }
}
