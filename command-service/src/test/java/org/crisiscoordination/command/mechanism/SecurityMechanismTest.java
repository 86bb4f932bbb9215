package org.crisiscoordination.command.mechanism;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.crisiscoordination.kernel.mechanism.AdmitSecurityTopic;
import org.crisiscoordination.kernel.mechanism.JoinMechanism;
import org.crisiscoordination.kernel.mechanism.MakeNonViolencePledge;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.crisiscoordination.command.support.RuleViolations.violating;
import static org.crisiscoordination.kernel.mechanism.MechanismId.ASIA_PACIFIC;
import static org.crisiscoordination.kernel.region.SecurityTopic.COUNTER_PIRACY;
import static org.crisiscoordination.kernel.region.SecurityTopic.COUNTER_TERRORISM;
import static org.crisiscoordination.kernel.region.SecurityTopic.CYBER_SECURITY;
import static org.crisiscoordination.kernel.region.SecurityTopic.DISASTER_RELIEF;
import static org.crisiscoordination.kernel.region.SecurityTopic.MARITIME_SEARCH_AND_RESCUE;
import static org.crisiscoordination.kernel.region.SecurityTopic.MARITIME_SECURITY;
import static org.crisiscoordination.kernel.region.SecurityTopic.NON_PROLIFERATION;
import static org.crisiscoordination.kernel.region.SecurityTopic.NUCLEAR_SAFETY;
import static org.crisiscoordination.kernel.region.SecurityTopic.PUBLIC_HEALTH;
import static org.crisiscoordination.kernel.region.SecurityTopic.TERRITORIAL_DISPUTE;
import static org.crisiscoordination.kernel.region.SecurityTopic.TRANSNATIONAL_CRIME;

/**
 * The state rules of the {@link SecurityMechanism}: its graduated agenda, its members and their pledges. The
 * mechanism exists from its first command on, so a history may be empty ({@code givenNoPriorActivity}).
 */
class SecurityMechanismTest {

    /** The graduated agenda as docs/domain.md lists it. */
    private static final List<SecurityTopic> TIER_ONE =
            List.of(DISASTER_RELIEF, MARITIME_SEARCH_AND_RESCUE, PUBLIC_HEALTH, COUNTER_PIRACY);
    private static final List<SecurityTopic> TIER_TWO =
            List.of(COUNTER_TERRORISM, TRANSNATIONAL_CRIME, CYBER_SECURITY, MARITIME_SECURITY, NUCLEAR_SAFETY);

    private static final StateCode VN = StateCode.of("VN");
    private static final StateCode TL = StateCode.of("TL");
    private static final StateCode KZ = StateCode.of("KZ");

    private FixtureConfiguration<SecurityMechanism> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SecurityMechanism.class);
    }

    // the graduated agenda

    @Test
    void canAdmitATierOneTopicOnAnEmptyAgenda() {
        fixture.givenNoPriorActivity()
                .when(new AdmitSecurityTopic(DISASTER_RELIEF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SecurityTopicAdmitted(ASIA_PACIFIC, DISASTER_RELIEF, 1));
    }

    @Test
    void canAdmitAnotherTierOneTopic() {
        fixture.given(admitted(DISASTER_RELIEF))
                .when(new AdmitSecurityTopic(COUNTER_PIRACY))
                .expectEvents(new SecurityTopicAdmitted(ASIA_PACIFIC, COUNTER_PIRACY, 1));
    }

    @Test
    void cannotAdmitATierTwoTopicOnAnEmptyAgenda() {
        fixture.givenNoPriorActivity()
                .when(new AdmitSecurityTopic(COUNTER_TERRORISM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.LOWER_TIERS_NOT_ADMITTED));
    }

    @Test
    void cannotAdmitATierTwoTopicWhileATierOneTopicIsMissing() {
        fixture.given(admitted(DISASTER_RELIEF, MARITIME_SEARCH_AND_RESCUE, PUBLIC_HEALTH))
                .when(new AdmitSecurityTopic(COUNTER_TERRORISM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.LOWER_TIERS_NOT_ADMITTED));
    }

    @Test
    void canAdmitATierTwoTopicOnceEveryTierOneTopicIsAdmitted() {
        fixture.given(admitted(TIER_ONE))
                .when(new AdmitSecurityTopic(CYBER_SECURITY))
                .expectEvents(new SecurityTopicAdmitted(ASIA_PACIFIC, CYBER_SECURITY, 2));
    }

    @Test
    void cannotAdmitATierThreeTopicWithOnlyTierOneAdmitted() {
        fixture.given(admitted(TIER_ONE))
                .when(new AdmitSecurityTopic(TERRITORIAL_DISPUTE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.LOWER_TIERS_NOT_ADMITTED));
    }

    @Test
    void cannotAdmitATierThreeTopicWhileATierTwoTopicIsMissing() {
        List<SecurityTopic> allButNuclearSafety = new ArrayList<>(TIER_ONE);
        allButNuclearSafety.addAll(TIER_TWO);
        allButNuclearSafety.remove(NUCLEAR_SAFETY);
        fixture.given(admitted(allButNuclearSafety))
                .when(new AdmitSecurityTopic(NON_PROLIFERATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.LOWER_TIERS_NOT_ADMITTED));
    }

    @Test
    void canAdmitATierThreeTopicOnceEveryTierOneAndTwoTopicIsAdmitted() {
        List<SecurityTopic> lowerTiers = new ArrayList<>(TIER_ONE);
        lowerTiers.addAll(TIER_TWO);
        fixture.given(admitted(lowerTiers))
                .when(new AdmitSecurityTopic(TERRITORIAL_DISPUTE))
                .expectEvents(new SecurityTopicAdmitted(ASIA_PACIFIC, TERRITORIAL_DISPUTE, 3));
    }

    @Test
    void cannotAdmitATopicTwice() {
        fixture.given(admitted(DISASTER_RELIEF))
                .when(new AdmitSecurityTopic(DISASTER_RELIEF))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.TOPIC_ALREADY_ADMITTED));
    }

    @Test
    void cannotAdmitATierTwoTopicTwice() {
        List<SecurityTopic> history = new ArrayList<>(TIER_ONE);
        history.add(CYBER_SECURITY);
        fixture.given(admitted(history))
                .when(new AdmitSecurityTopic(CYBER_SECURITY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.TOPIC_ALREADY_ADMITTED));
    }

    @Test
    void theGraduatedAgendaGrowsTierByTierByItsCommands() {
        List<Object> commands = new ArrayList<>();
        TIER_ONE.forEach(topic -> commands.add(new AdmitSecurityTopic(topic)));
        TIER_TWO.forEach(topic -> commands.add(new AdmitSecurityTopic(topic)));
        fixture.givenCommands(commands)
                .when(new AdmitSecurityTopic(NON_PROLIFERATION))
                .expectEvents(new SecurityTopicAdmitted(ASIA_PACIFIC, NON_PROLIFERATION, 3));
    }

    // members

    @Test
    void aStateCanJoin() {
        fixture.givenNoPriorActivity()
                .when(new JoinMechanism(VN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberStateJoined(ASIA_PACIFIC, VN));
    }

    @Test
    void anotherStateCanJoin() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN))
                .when(new JoinMechanism(TL))
                .expectEvents(new MemberStateJoined(ASIA_PACIFIC, TL));
    }

    @Test
    void cannotJoinTwice() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN))
                .when(new JoinMechanism(VN))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ALREADY_A_MEMBER));
    }

    // non-violence pledges

    @Test
    void aMajorPowerCanPledgeWithoutJoining() {
        fixture.givenNoPriorActivity()
                .when(new MakeNonViolencePledge(Party.of(MajorPower.CN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NonViolencePledgeMade(ASIA_PACIFIC, Party.of(MajorPower.CN)));
    }

    @Test
    void aseanCanPledgeAsAMajorPowerWithoutJoining() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN))
                .when(new MakeNonViolencePledge(Party.of(MajorPower.ASEAN)))
                .expectEvents(new NonViolencePledgeMade(ASIA_PACIFIC, Party.of(MajorPower.ASEAN)));
    }

    @Test
    void aStateThatHasJoinedCanPledge() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN))
                .when(new MakeNonViolencePledge(Party.of("VN")))
                .expectEvents(new NonViolencePledgeMade(ASIA_PACIFIC, Party.of("VN")));
    }

    @Test
    void aStateCanPledgeOnceItJoinedByItsCommands() {
        fixture.givenCommands(new JoinMechanism(KZ))
                .when(new MakeNonViolencePledge(Party.of("KZ")))
                .expectEvents(new NonViolencePledgeMade(ASIA_PACIFIC, Party.of("KZ")));
    }

    @Test
    void aStateThatHasNotJoinedCannotPledge() {
        fixture.givenNoPriorActivity()
                .when(new MakeNonViolencePledge(Party.of("VN")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PLEDGE_NOT_ALLOWED));
    }

    @Test
    void aStateThatHasNotJoinedCannotPledgeWhileOthersHaveJoined() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN))
                .when(new MakeNonViolencePledge(Party.of("TL")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PLEDGE_NOT_ALLOWED));
    }

    @Test
    void anOrganisationCannotPledge() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, KZ))
                .when(new MakeNonViolencePledge(Party.of("SCO")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.PLEDGE_NOT_ALLOWED));
    }

    @Test
    void aMajorPowerCannotPledgeTwice() {
        fixture.given(new NonViolencePledgeMade(ASIA_PACIFIC, Party.of(MajorPower.CN)))
                .when(new MakeNonViolencePledge(Party.of(MajorPower.CN)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ALREADY_PLEDGED));
    }

    @Test
    void aStateCannotPledgeTwice() {
        fixture.given(new MemberStateJoined(ASIA_PACIFIC, VN), new NonViolencePledgeMade(ASIA_PACIFIC, Party.of("VN")))
                .when(new MakeNonViolencePledge(Party.of("VN")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.ALREADY_PLEDGED));
    }

    // the events a mechanism is given

    private static List<SecurityTopicAdmitted> admitted(SecurityTopic... topics) {
        return admitted(List.of(topics));
    }

    private static List<SecurityTopicAdmitted> admitted(List<SecurityTopic> topics) {
        return topics.stream().map(topic -> new SecurityTopicAdmitted(ASIA_PACIFIC, topic, topic.tier())).toList();
    }
}
