package org.crisiscoordination.command.crisis;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisiscoordination.command.channel.MajorPowerChannel;
import org.crisiscoordination.command.channel.PowerTrackPolicy;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.crisis.AcceptReferral;
import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.DeclineReferral;
import org.crisiscoordination.kernel.crisis.DeescalateCrisis;
import org.crisiscoordination.kernel.crisis.EscalateCrisis;
import org.crisiscoordination.kernel.crisis.MinilateralInvolvementRecorded;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.RecordMinilateralInvolvement;
import org.crisiscoordination.kernel.crisis.ReferCrisisToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.ReferralStatus;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.ReportReferralOutcome;
import org.crisiscoordination.kernel.crisis.ResolveCrisis;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.crisiscoordination.kernel.rules.RuleViolation.require;

/**
 * A regional security crisis with its two tracks: the referrals to regional organisations, and the
 * major-power channel, which it convenes. Its own stream records each channel opened and closed,
 * so that "one open channel per crisis" holds under concurrency: of two writers that append to
 * the stream at once, one loses. Each handler checks its state rules, then applies; only the
 * {@code on} handlers change state.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver", lockFactory = "noAggregateLocks")
public class Crisis {

    @AggregateIdentifier
    private CrisisId crisisId;
    private Severity severity;
    private List<StateCode> involvedStates;
    private CrisisStatus status;
    private final Map<ReferralId, Referral> referrals = new LinkedHashMap<>();
    private ChannelId openChannel;

    private record Referral(Organization organization, ReferralStatus status) {
        Referral answered(ReferralStatus newStatus) {
            return new Referral(organization, newStatus);
        }
    }

    protected Crisis() {
        // for Axon, which rebuilds a crisis from its events
    }

    @CommandHandler
    public Crisis(RaiseRegionalCrisis command) {
        apply(new RegionalCrisisRaised(command.crisisId(), command.title(), command.hotspot(), command.topic(),
                command.severity(), command.involvedStates(), command.summary()));
    }

    @CommandHandler
    public void handle(EscalateCrisis command) {
        requireNotResolved();
        require(command.severity().isHigherThan(severity), Rule.SEVERITY_NOT_HIGHER,
                "an escalation must raise the severity: " + command.severity() + " is not above the current " + severity);
        apply(new CrisisEscalated(crisisId, severity, command.severity(), command.reason()));
    }

    @CommandHandler
    public void handle(DeescalateCrisis command) {
        requireNotResolved();
        require(command.severity().isLowerThan(severity), Rule.SEVERITY_NOT_LOWER,
                "a de-escalation must lower the severity: " + command.severity() + " is not below the current " + severity);
        apply(new CrisisDeescalated(crisisId, severity, command.severity(), command.reason()));
    }

    @CommandHandler
    public void handle(ReferCrisisToOrganization command) {
        requireNotResolved();
        Organization organization = command.organization();
        require(!referrals.containsKey(command.referralId()), Rule.REFERRAL_ID_TAKEN,
                "this crisis already has a referral " + command.referralId());
        require(organization.hasJurisdictionOver(involvedStates), Rule.NO_JURISDICTION,
                organization + " has no jurisdiction: none of the involved states " + involvedStates + " is a member");
        require(referrals.values().stream().noneMatch(r -> r.organization() == organization && r.status().isOpen()),
                Rule.REFERRAL_ALREADY_OPEN, organization + " already has an open referral of this crisis");
        apply(new CrisisReferredToOrganization(crisisId, command.referralId(), organization, command.mandate()));
    }

    @CommandHandler
    public void handle(AcceptReferral command) {
        requireNotResolved();
        Referral referral = pending(command.referralId());
        apply(new ReferralAccepted(crisisId, command.referralId(), referral.organization()));
    }

    @CommandHandler
    public void handle(DeclineReferral command) {
        requireNotResolved();
        Referral referral = pending(command.referralId());
        apply(new ReferralDeclined(crisisId, command.referralId(), referral.organization(), command.reason()));
    }

    @CommandHandler
    public void handle(ReportReferralOutcome command) {
        requireNotResolved();
        Referral referral = referral(command.referralId());
        require(referral.status() == ReferralStatus.ACCEPTED, Rule.REFERRAL_NOT_ACCEPTED,
                "an outcome is reported once, for an accepted referral; this one is " + referral.status());
        apply(new ReferralOutcomeReported(crisisId, command.referralId(), referral.organization(),
                command.findings(), command.recommendation()));
    }

    @CommandHandler
    public void handle(RecordMinilateralInvolvement command) {
        requireNotResolved();
        apply(new MinilateralInvolvementRecorded(crisisId, command.bloc(), command.description()));
    }

    /** Resolving closes the open channel too (see {@code PowerTrackSynchronisation}). */
    @CommandHandler
    public void handle(ResolveCrisis command) {
        requireNotResolved();
        List<Organization> awaiting = referrals.values().stream()
                .filter(r -> r.status() == ReferralStatus.PENDING).map(Referral::organization).toList();
        require(awaiting.isEmpty(), Rule.REFERRAL_AWAITS_ANSWER,
                "the crisis cannot resolve while referrals await an answer from " + awaiting);
        apply(new CrisisResolved(crisisId, command.resolution()));
        if (openChannel != null) {
            apply(new PowerTrackClosed(crisisId, openChannel, ChannelOutcome.CRISIS_RESOLVED));
        }
    }

    /** The power track: the crisis checks the rules that depend on it, then creates the channel. */
    @CommandHandler
    public void handle(ConveneMajorPowerChannel command, PowerTrackPolicy policy, DeadlineManager deadlines)
            throws Exception {
        requireNotResolved();
        require(policy.allowsChannelAt(severity), Rule.SEVERITY_BELOW_CHANNEL_THRESHOLD,
                "the major powers are convened for a crisis of severity " + policy.channelSeverityThreshold()
                        + " or more; this one is " + severity + " and goes to the mechanism track");
        require(openChannel == null, Rule.CHANNEL_ALREADY_OPEN,
                "crisis " + crisisId + " already has an open channel " + openChannel);
        List<MajorPower> missing = involvedStates.stream().map(MajorPower::ofState).flatMap(Optional::stream)
                .filter(power -> !command.participants().contains(power)).toList();
        require(missing.isEmpty(), Rule.INVOLVED_POWER_MISSING,
                "every involved state that is a major power takes part; missing " + missing);
        require(!MajorPower.aseanConcerned(involvedStates) || command.participants().contains(MajorPower.ASEAN),
                Rule.ASEAN_MISSING, "ASEAN takes part: an involved state of " + involvedStates + " is an ASEAN member");
        apply(new PowerTrackOpened(crisisId, command.channelId()));
        createNew(MajorPowerChannel.class, () -> new MajorPowerChannel(command, deadlines));
    }

    /** Its channel was closed by a participant: the power track is free again. */
    @CommandHandler
    public void handle(RecordPowerTrackClosed command) {
        if (command.channelId().equals(openChannel)) {
            apply(new PowerTrackClosed(crisisId, command.channelId(), command.outcome()));
        }
    }

    private void requireNotResolved() {
        require(status != CrisisStatus.RESOLVED, Rule.CRISIS_RESOLVED,
                "crisis " + crisisId + " is resolved and takes no further commands");
    }

    private Referral referral(ReferralId referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null) {
            throw new RuleViolation(Rule.REFERRAL_NOT_FOUND, "crisis " + crisisId + " has no referral " + referralId);
        }
        return referral;
    }

    private Referral pending(ReferralId referralId) {
        Referral referral = referral(referralId);
        require(referral.status() == ReferralStatus.PENDING, Rule.REFERRAL_ALREADY_ANSWERED,
                "only a pending referral can be accepted or declined; this one is " + referral.status());
        return referral;
    }

    @EventSourcingHandler
    void on(RegionalCrisisRaised event) {
        crisisId = event.crisisId();
        severity = event.severity();
        involvedStates = event.involvedStates();
        status = CrisisStatus.RAISED;
    }

    @EventSourcingHandler
    void on(CrisisEscalated event) {
        severity = event.severity();
    }

    @EventSourcingHandler
    void on(CrisisDeescalated event) {
        severity = event.severity();
    }

    @EventSourcingHandler
    void on(CrisisReferredToOrganization event) {
        referrals.put(event.referralId(), new Referral(event.organization(), ReferralStatus.PENDING));
        status = CrisisStatus.COORDINATING;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        referrals.computeIfPresent(event.referralId(), (id, r) -> r.answered(ReferralStatus.ACCEPTED));
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        referrals.computeIfPresent(event.referralId(), (id, r) -> r.answered(ReferralStatus.DECLINED));
    }

    @EventSourcingHandler
    void on(ReferralOutcomeReported event) {
        referrals.computeIfPresent(event.referralId(), (id, r) -> r.answered(ReferralStatus.OUTCOME_REPORTED));
    }

    @EventSourcingHandler
    void on(CrisisResolved event) {
        status = CrisisStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(PowerTrackOpened event) {
        openChannel = event.channelId();
        status = CrisisStatus.COORDINATING;
    }

    @EventSourcingHandler
    void on(PowerTrackClosed event) {
        openChannel = null;
    }
}
