package org.crisiscoordination.command.mechanism;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisiscoordination.kernel.mechanism.AdmitSecurityTopic;
import org.crisiscoordination.kernel.mechanism.JoinMechanism;
import org.crisiscoordination.kernel.mechanism.MakeNonViolencePledge;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.rules.Rule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.crisiscoordination.kernel.rules.RuleViolation.require;

/**
 * The Asia-Pacific security mechanism ({@code asia-pacific}): its graduated agenda, its member
 * states and the non-violence pledges. It exists from its first command on.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver", lockFactory = "noAggregateLocks")
public class SecurityMechanism {

    @AggregateIdentifier
    private MechanismId mechanismId;
    private final Set<SecurityTopic> agenda = EnumSet.noneOf(SecurityTopic.class);
    private final Set<StateCode> members = new HashSet<>();
    private final Set<Party> pledged = new HashSet<>();

    protected SecurityMechanism() {
        // for Axon, which rebuilds the mechanism from its events, or creates it on its first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdmitSecurityTopic command) {
        SecurityTopic topic = command.topic();
        require(!agenda.contains(topic), Rule.TOPIC_ALREADY_ADMITTED, topic + " is already on the agenda");
        List<SecurityTopic> lowerMissing = Arrays.stream(SecurityTopic.values())
                .filter(t -> t.tier() < topic.tier() && !agenda.contains(t)).toList();
        require(lowerMissing.isEmpty(), Rule.LOWER_TIERS_NOT_ADMITTED,
                topic + " is a tier-" + topic.tier() + " topic; first admit the lower-tier topics " + lowerMissing);
        apply(new SecurityTopicAdmitted(command.mechanismId(), topic, topic.tier()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(JoinMechanism command) {
        require(!members.contains(command.state()), Rule.ALREADY_A_MEMBER,
                command.state() + " has already joined the mechanism");
        apply(new MemberStateJoined(command.mechanismId(), command.state()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MakeNonViolencePledge command) {
        Party party = command.party();
        boolean allowed = party.majorPower().isPresent() || party.state().filter(members::contains).isPresent();
        require(allowed, Rule.PLEDGE_NOT_ALLOWED,
                party + " may pledge once it has joined the mechanism (major powers may pledge at any time)");
        require(!pledged.contains(party), Rule.ALREADY_PLEDGED, party + " has already pledged");
        apply(new NonViolencePledgeMade(command.mechanismId(), party));
    }

    @EventSourcingHandler
    void on(SecurityTopicAdmitted event) {
        mechanismId = event.mechanismId();
        agenda.add(event.topic());
    }

    @EventSourcingHandler
    void on(MemberStateJoined event) {
        mechanismId = event.mechanismId();
        members.add(event.state());
    }

    @EventSourcingHandler
    void on(NonViolencePledgeMade event) {
        mechanismId = event.mechanismId();
        pledged.add(event.party());
    }
}
