package org.crisiscoordination.command.channel;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisiscoordination.kernel.channel.AcknowledgeChannel;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
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

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.crisiscoordination.kernel.rules.RuleViolation.require;

/**
 * The major-power communication mechanism about one crisis: acknowledgements with deadlines,
 * position statements, and joint statements adopted by consensus. Its crisis convenes it (see
 * {@code Crisis}), so that the crisis's stream records every channel it has.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver", lockFactory = "noAggregateLocks")
public class MajorPowerChannel {

    @AggregateIdentifier
    private ChannelId channelId;
    private CrisisId crisisId;
    private List<MajorPower> participants;
    private Instant acknowledgeBy;
    private boolean open;
    private final Set<MajorPower> acknowledged = EnumSet.noneOf(MajorPower.class);
    private final Set<MajorPower> overdue = EnumSet.noneOf(MajorPower.class);
    private final Set<ProposalId> proposals = new HashSet<>();
    private ProposalId currentProposal;
    private String currentProposalText;
    private final Set<MajorPower> endorsements = EnumSet.noneOf(MajorPower.class);
    private boolean adopted;

    protected MajorPowerChannel() {
        // for Axon, which rebuilds a channel from its events
    }

    /**
     * Convenes the channel, as its crisis decided; schedules each participant's acknowledgement
     * deadline, which the database keeps (it survives restarts).
     */
    public MajorPowerChannel(ConveneMajorPowerChannel command, DeadlineManager deadlines) {
        Instant by = GenericEventMessage.clock.instant().plus(command.acknowledgeWithin());
        apply(new MajorPowerChannelConvened(command.channelId(), command.crisisId(), command.participants(),
                command.agenda(), new AcknowledgementDeadline(command.acknowledgeWithin(), by)));
        command.participants().forEach(participant -> deadlines.schedule(by, deadlineOf(participant), participant));
    }

    @CommandHandler
    public void handle(AcknowledgeChannel command, DeadlineManager deadlines) {
        MajorPower participant = command.participant();
        requireOpenTo(participant);
        require(!acknowledged.contains(participant), Rule.ALREADY_ACKNOWLEDGED,
                participant + " has already acknowledged channel " + channelId);
        boolean late = GenericEventMessage.clock.instant().isAfter(acknowledgeBy);
        apply(new ChannelParticipationAcknowledged(channelId, participant, late));
        deadlines.cancelAllWithinScope(deadlineOf(participant));
    }

    /** The deadline of one participant's acknowledgement passed; it has no effect once acknowledged or closed. */
    @DeadlineHandler
    void acknowledgementDue(MajorPower participant) {
        if (open && !acknowledged.contains(participant) && !overdue.contains(participant)) {
            apply(new ChannelAcknowledgementOverdue(channelId, participant, acknowledgeBy));
        }
    }

    @CommandHandler
    public void handle(SubmitPositionStatement command) {
        requireOpenTo(command.participant());
        apply(new PositionStatementSubmitted(channelId, command.participant(), command.text()));
    }

    @CommandHandler
    public void handle(ProposeJointStatement command) {
        requireOpenTo(command.proposer());
        require(!adopted, Rule.JOINT_STATEMENT_ALREADY_ADOPTED,
                "a joint statement was adopted on channel " + channelId + "; no new proposal is taken");
        require(!proposals.contains(command.proposalId()), Rule.PROPOSAL_ID_TAKEN,
                "channel " + channelId + " already has a proposal " + command.proposalId());
        apply(new JointStatementProposed(channelId, command.proposalId(), command.proposer(), command.text(),
                currentProposal));
    }

    @CommandHandler
    public void handle(EndorseJointStatement command) {
        MajorPower participant = command.participant();
        requireOpenTo(participant);
        require(proposals.contains(command.proposalId()), Rule.PROPOSAL_NOT_FOUND,
                "channel " + channelId + " has no proposal " + command.proposalId());
        require(command.proposalId().equals(currentProposal), Rule.PROPOSAL_NOT_CURRENT,
                "proposal " + command.proposalId() + " was replaced by " + currentProposal + "; endorse the current one");
        require(!endorsements.contains(participant), Rule.ALREADY_ENDORSED,
                participant + " has already endorsed proposal " + command.proposalId());
        apply(new JointStatementEndorsed(channelId, command.proposalId(), participant));
        if (endorsements.containsAll(participants)) {
            apply(new JointStatementAdopted(channelId, command.proposalId(), currentProposalText));
        }
    }

    @CommandHandler
    public void handle(CloseChannel command, DeadlineManager deadlines) {
        requireOpen();
        require(command.outcome() != ChannelOutcome.JOINT_STATEMENT_ADOPTED || adopted, Rule.NO_JOINT_STATEMENT_ADOPTED,
                "channel " + channelId + " has adopted no joint statement; close it with NO_CONSENSUS or SUPERSEDED");
        close(command.outcome(), command.note(), deadlines);
    }

    @CommandHandler
    public void handle(CloseChannelOfResolvedCrisis command, DeadlineManager deadlines) {
        if (open) {
            close(ChannelOutcome.CRISIS_RESOLVED, "the crisis was resolved", deadlines);
        }
    }

    private void close(ChannelOutcome outcome, String note, DeadlineManager deadlines) {
        apply(new MajorPowerChannelClosed(channelId, crisisId, outcome, note));
        participants.stream().filter(p -> !acknowledged.contains(p))
                .forEach(p -> deadlines.cancelAllWithinScope(deadlineOf(p)));
    }

    private void requireOpen() {
        require(open, Rule.CHANNEL_CLOSED, "channel " + channelId + " is closed and takes no further commands");
    }

    private void requireOpenTo(MajorPower participant) {
        requireOpen();
        require(participants.contains(participant), Rule.NOT_A_PARTICIPANT,
                participant + " is not a participant of channel " + channelId + " (participants: " + participants + ")");
    }

    static String deadlineOf(MajorPower participant) {
        return "acknowledgement-of-" + participant;
    }

    @EventSourcingHandler
    void on(MajorPowerChannelConvened event) {
        channelId = event.channelId();
        crisisId = event.crisisId();
        participants = event.participants();
        acknowledgeBy = event.acknowledgement().by();
        open = true;
    }

    @EventSourcingHandler
    void on(ChannelParticipationAcknowledged event) {
        acknowledged.add(event.participant());
    }

    @EventSourcingHandler
    void on(ChannelAcknowledgementOverdue event) {
        overdue.add(event.participant());
    }

    @EventSourcingHandler
    void on(JointStatementProposed event) {
        proposals.add(event.proposalId());
        currentProposal = event.proposalId();
        currentProposalText = event.text();
        endorsements.clear();
    }

    @EventSourcingHandler
    void on(JointStatementEndorsed event) {
        endorsements.add(event.participant());
    }

    @EventSourcingHandler
    void on(JointStatementAdopted event) {
        adopted = true;
    }

    @EventSourcingHandler
    void on(MajorPowerChannelClosed event) {
        open = false;
    }
}
