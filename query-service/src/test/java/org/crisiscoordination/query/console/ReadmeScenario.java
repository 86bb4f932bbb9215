package org.crisiscoordination.query.console;

import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.JointStatementAdopted;
import org.crisiscoordination.kernel.channel.JointStatementEndorsed;
import org.crisiscoordination.kernel.channel.JointStatementProposed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventAppender.Caller;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The README's walk-through as the command service stores it, with the same actors acting for the
 * same parties, one minute apart: agenda and pledge, raise, escalate, refer to ASEAN and accept,
 * convene China, the US and ASEAN, acknowledgements, statements, a joint statement endorsed and
 * adopted, ASEAN's outcome, resolution closing the channel. Remembers the positions it needs.
 */
final class ReadmeScenario {

    static final String TITLE = "Standoff at Second Thomas Shoal";

    final CrisisId crisis = CrisisId.random();
    final ChannelId channel = ChannelId.random();
    final ReferralId referral = ReferralId.random();
    final ProposalId proposal = ProposalId.random();
    long beforeResolution;
    long resolved;
    Instant resolvedAt;

    private final EventAppender store;
    private Instant clock = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private final Caller duty = Caller.of("deploy-run#duty-officer", null);
    private final Caller liaison = Caller.of("deploy-run#asean-liaison", "ASEAN");

    ReadmeScenario(EventAppender store) {
        this.store = store;
    }

    ReadmeScenario play() {
        for (SecurityTopic topic : List.of(SecurityTopic.DISASTER_RELIEF, SecurityTopic.MARITIME_SEARCH_AND_RESCUE,
                SecurityTopic.PUBLIC_HEALTH, SecurityTopic.COUNTER_PIRACY, SecurityTopic.MARITIME_SECURITY)) {
            mechanism(new SecurityTopicAdmitted(MechanismId.ASIA_PACIFIC, topic, topic.tier()), duty);
        }
        mechanism(new NonViolencePledgeMade(MechanismId.ASIA_PACIFIC, Party.of(MajorPower.CN)), delegate(MajorPower.CN));
        crisis(new RegionalCrisisRaised(crisis, TITLE, "Second Thomas Shoal", SecurityTopic.MARITIME_SECURITY,
                Severity.of(3), List.of(StateCode.of("PH"), StateCode.of("CN")),
                "A resupply mission was blocked by coast guard vessels"), duty);
        crisis(new CrisisEscalated(crisis, Severity.of(3), Severity.of(4), "Water cannon used against the resupply boats"), duty);
        crisis(new CrisisReferredToOrganization(crisis, referral, Organization.ASEAN,
                "Convene the ASEAN Regional Forum on the incident"), duty);
        crisis(new ReferralAccepted(crisis, referral, Organization.ASEAN), liaison);
        Duration within = Duration.ofHours(1);
        crisis(new PowerTrackOpened(crisis, channel), duty);
        channel(new MajorPowerChannelConvened(channel, crisis, List.of(MajorPower.CN, MajorPower.US, MajorPower.ASEAN),
                "De-escalation at sea", new AcknowledgementDeadline(within, clock.plus(within))), duty);
        for (MajorPower power : List.of(MajorPower.CN, MajorPower.US, MajorPower.ASEAN)) {
            channel(new ChannelParticipationAcknowledged(channel, power, false), delegate(power));
        }
        channel(new PositionStatementSubmitted(channel, MajorPower.CN, "Restraint on both sides"), delegate(MajorPower.CN));
        channel(new PositionStatementSubmitted(channel, MajorPower.ASEAN, "Apply the code of conduct"),
                delegate(MajorPower.ASEAN));
        String text = "The parties will refrain from the use of force";
        channel(new JointStatementProposed(channel, proposal, MajorPower.ASEAN, text, null), delegate(MajorPower.ASEAN));
        for (MajorPower power : List.of(MajorPower.ASEAN, MajorPower.CN, MajorPower.US)) {
            channel(new JointStatementEndorsed(channel, proposal, power), delegate(power));
        }
        channel(new JointStatementAdopted(channel, proposal, text), delegate(MajorPower.US));
        beforeResolution = crisis(new ReferralOutcomeReported(crisis, referral, Organization.ASEAN,
                "Both sides agreed to a hotline", "A joint patrol protocol"), liaison);
        resolved = crisis(new CrisisResolved(crisis, "Resupply resumed under the joint statement"), duty);
        resolvedAt = clock;
        crisis(new PowerTrackClosed(crisis, channel, ChannelOutcome.CRISIS_RESOLVED), duty);
        channel(new MajorPowerChannelClosed(channel, crisis, ChannelOutcome.CRISIS_RESOLVED,
                "Resupply resumed under the joint statement"), duty);
        return this;
    }

    private static Caller delegate(MajorPower power) {
        return Caller.of("deploy-run#" + power.name().toLowerCase(java.util.Locale.ROOT) + "-delegate", power.name());
    }

    private long crisis(Object event, Caller caller) {
        return append(AggregateTypes.CRISIS, crisis.toString(), event, caller);
    }

    private long channel(Object event, Caller caller) {
        return append(AggregateTypes.CHANNEL, channel.toString(), event, caller);
    }

    private long mechanism(Object event, Caller caller) {
        return append(AggregateTypes.MECHANISM, MechanismId.ASIA_PACIFIC.value(), event, caller);
    }

    private long append(String type, String id, Object event, Caller caller) {
        clock = clock.plus(Duration.ofMinutes(1));
        return store.append(type, id, event, clock, caller).position();
    }
}
