package org.crisiscoordination.command.crisis;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.crisiscoordination.kernel.crisis.AcceptReferral;
import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.DeclineReferral;
import org.crisiscoordination.kernel.crisis.DeescalateCrisis;
import org.crisiscoordination.kernel.crisis.EscalateCrisis;
import org.crisiscoordination.kernel.crisis.MinilateralInvolvementRecorded;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.RecordMinilateralInvolvement;
import org.crisiscoordination.kernel.crisis.ReferCrisisToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.ReportReferralOutcome;
import org.crisiscoordination.kernel.crisis.ResolveCrisis;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.crisiscoordination.command.support.RuleViolations.violating;
import static org.crisiscoordination.kernel.region.Organization.ASEAN;
import static org.crisiscoordination.kernel.region.Organization.CICA;
import static org.crisiscoordination.kernel.region.Organization.EAS;
import static org.crisiscoordination.kernel.region.Organization.SAARC;
import static org.crisiscoordination.kernel.region.Organization.SCO;

/**
 * The state rules of a {@link Crisis}, given its past events, when a command arrives, then the events it
 * applies or the rule it refuses with. Every refusal checks that nothing was applied and which rule refused.
 */
class CrisisTest {

    private static final StateCode PH = StateCode.of("PH");
    private static final StateCode CN = StateCode.of("CN");
    private static final StateCode US = StateCode.of("US");
    private static final StateCode KR = StateCode.of("KR");

    private static final String MANDATE = "Facilitate talks on a code of conduct for the resupply of the outpost";
    private static final String REASON = "Coast guard vessels used water cannon against a resupply boat";
    private static final String CALMER = "Both coast guards withdrew from the shoal";
    private static final String DECLINE_REASON = "The parties prefer bilateral talks";
    private static final String FINDINGS = "Both parties attended two rounds of talks";
    private static final String RECOMMENDATION = "Adopt a hotline between the coast guards";
    private static final String RESOLUTION = "Both parties agreed a provisional arrangement for resupply missions";

    private final CrisisId crisisId = CrisisId.random();
    private final ReferralId referralId = ReferralId.random();
    private FixtureConfiguration<Crisis> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Crisis.class);
    }

    // raising

    @Test
    void canRaiseACrisis() {
        fixture.givenNoPriorActivity()
                .when(new RaiseRegionalCrisis(crisisId, "Standoff at Second Thomas Shoal",
                        "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY, Severity.of(3),
                        List.of(PH, CN), "A Philippine resupply mission to the BRP Sierra Madre was blocked"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reefStandoffRaised(3));
    }

    // escalating and de-escalating

    @Test
    void canEscalateToAHigherSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new EscalateCrisis(crisisId, Severity.of(4), REASON))
                .expectEvents(new CrisisEscalated(crisisId, Severity.of(3), Severity.of(4), REASON));
    }

    @Test
    void canEscalateAgainFromTheSeverityOfAnEarlierEscalation() {
        fixture.given(reefStandoffRaised(2), new CrisisEscalated(crisisId, Severity.of(2), Severity.of(3), REASON))
                .when(new EscalateCrisis(crisisId, Severity.of(5), REASON))
                .expectEvents(new CrisisEscalated(crisisId, Severity.of(3), Severity.of(5), REASON));
    }

    @Test
    void cannotEscalateToTheSameSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new EscalateCrisis(crisisId, Severity.of(3), REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_HIGHER));
    }

    @Test
    void cannotEscalateToALowerSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new EscalateCrisis(crisisId, Severity.of(2), REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_HIGHER));
    }

    @Test
    void cannotEscalateToTheSeverityAnEarlierEscalationReached() {
        fixture.given(reefStandoffRaised(2), new CrisisEscalated(crisisId, Severity.of(2), Severity.of(4), REASON))
                .when(new EscalateCrisis(crisisId, Severity.of(4), REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_HIGHER));
    }

    @Test
    void canDeescalateToALowerSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new DeescalateCrisis(crisisId, Severity.of(1), CALMER))
                .expectEvents(new CrisisDeescalated(crisisId, Severity.of(3), Severity.of(1), CALMER));
    }

    @Test
    void canDeescalateFromTheSeverityOfAnEarlierEscalation() {
        fixture.given(reefStandoffRaised(2), new CrisisEscalated(crisisId, Severity.of(2), Severity.of(5), REASON))
                .when(new DeescalateCrisis(crisisId, Severity.of(4), "A hotline call calmed the standoff"))
                .expectEvents(new CrisisDeescalated(crisisId, Severity.of(5), Severity.of(4),
                        "A hotline call calmed the standoff"));
    }

    @Test
    void cannotDeescalateToTheSameSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new DeescalateCrisis(crisisId, Severity.of(3), "No change on the water"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_LOWER));
    }

    @Test
    void cannotDeescalateToAHigherSeverity() {
        fixture.given(reefStandoffRaised(3))
                .when(new DeescalateCrisis(crisisId, Severity.of(4), "Mislabelled escalation"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_LOWER));
    }

    @Test
    void cannotDeescalateToTheSeverityAnEarlierDeescalationReached() {
        fixture.given(reefStandoffRaised(4),
                        new CrisisDeescalated(crisisId, Severity.of(4), Severity.of(2), CALMER))
                .when(new DeescalateCrisis(crisisId, Severity.of(2), CALMER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.SEVERITY_NOT_LOWER));
    }

    // referring: jurisdiction

    @Test
    void canReferToAnOrganizationWithJurisdiction() {
        fixture.given(reefStandoffRaised(3))
                .when(new ReferCrisisToOrganization(crisisId, referralId, ASEAN, MANDATE))
                .expectEvents(new CrisisReferredToOrganization(crisisId, referralId, ASEAN, MANDATE));
    }

    @Test
    void canReferToAnOrganizationThatOnlyOneOfTheInvolvedStatesBelongsTo() {
        fixture.given(reefStandoffRaised(3))
                .when(new ReferCrisisToOrganization(crisisId, referralId, SCO, MANDATE))
                .expectEvents(new CrisisReferredToOrganization(crisisId, referralId, SCO, MANDATE));
    }

    @Test
    void canReferACrisisInvolvingTheUnitedStatesToTheEastAsiaSummit() {
        fixture.given(new RegionalCrisisRaised(crisisId, "Search for the crew of a downed navy helicopter",
                        "Philippine Sea", SecurityTopic.MARITIME_SEARCH_AND_RESCUE, Severity.of(2), List.of(US),
                        "A US Navy MH-60R went down during an exercise; three crew members are missing"))
                .when(new ReferCrisisToOrganization(crisisId, referralId, EAS, "Coordinate the search"))
                .expectEvents(new CrisisReferredToOrganization(crisisId, referralId, EAS,
                        "Coordinate the search"));
    }

    @Test
    void canReferACrisisInvolvingKoreaToCica() {
        fixture.given(koreanCyberAttackRaised())
                .when(new ReferCrisisToOrganization(crisisId, referralId, CICA, "Share indicators"))
                .expectEvents(new CrisisReferredToOrganization(crisisId, referralId, CICA,
                        "Share indicators"));
    }

    @Test
    void cannotReferToAnOrganizationWithoutJurisdiction() {
        fixture.given(reefStandoffRaised(3))
                .when(new ReferCrisisToOrganization(crisisId, referralId, SAARC, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NO_JURISDICTION));
    }

    @Test
    void cannotReferACrisisInvolvingOnlyKoreaToAsean() {
        fixture.given(koreanCyberAttackRaised())
                .when(new ReferCrisisToOrganization(crisisId, referralId, ASEAN, "Share indicators"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.NO_JURISDICTION));
    }

    // referring: one open referral per organization, one use of a referral id

    @Test
    void canReferToASecondOrganizationWhileTheFirstReferralIsPending() {
        ReferralId second = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, second, EAS, MANDATE))
                .expectEvents(new CrisisReferredToOrganization(crisisId, second, EAS, MANDATE));
    }

    @Test
    void cannotReferToAnOrganizationWhoseReferralIsPending() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, ReferralId.random(), ASEAN, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_OPEN));
    }

    @Test
    void cannotReferToAnOrganizationWhoseReferralIsAccepted() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, ReferralId.random(), ASEAN, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_OPEN));
    }

    @Test
    void canReferAgainToAnOrganizationThatDeclined() {
        ReferralId again = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, again, ASEAN, MANDATE))
                .expectEvents(new CrisisReferredToOrganization(crisisId, again, ASEAN, MANDATE));
    }

    @Test
    void canReferAgainToAnOrganizationThatReportedItsOutcome() {
        ReferralId again = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        outcomeReported(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, again, ASEAN, MANDATE))
                .expectEvents(new CrisisReferredToOrganization(crisisId, again, ASEAN, MANDATE));
    }

    @Test
    void cannotReuseAReferralIdForAnotherOrganization() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, referralId, EAS, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ID_TAKEN));
    }

    @Test
    void cannotReuseTheIdOfADeclinedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN))
                .when(new ReferCrisisToOrganization(crisisId, referralId, ASEAN, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ID_TAKEN));
    }

    // accepting and declining

    @Test
    void canAcceptAPendingReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new AcceptReferral(crisisId, referralId))
                .expectEvents(accepted(referralId, ASEAN));
    }

    @Test
    void canAcceptOneOfSeveralReferralsAndNameItsOrganization() {
        ReferralId toEas = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN),
                        referredTo(toEas, EAS))
                .when(new AcceptReferral(crisisId, toEas))
                .expectEvents(new ReferralAccepted(crisisId, toEas, EAS));
    }

    @Test
    void cannotAcceptAnAcceptedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new AcceptReferral(crisisId, referralId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotAcceptADeclinedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN))
                .when(new AcceptReferral(crisisId, referralId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotAcceptAReferralWhoseOutcomeIsReported() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        outcomeReported(referralId, ASEAN))
                .when(new AcceptReferral(crisisId, referralId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotAcceptAnUnknownReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new AcceptReferral(crisisId, ReferralId.random()))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_FOUND));
    }

    @Test
    void canDeclineAPendingReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectEvents(declined(referralId, ASEAN));
    }

    @Test
    void cannotDeclineAnAcceptedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotDeclineADeclinedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN))
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotDeclineAReferralWhoseOutcomeIsReported() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        outcomeReported(referralId, ASEAN))
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_ALREADY_ANSWERED));
    }

    @Test
    void cannotDeclineAnUnknownReferral() {
        fixture.given(reefStandoffRaised(3))
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_FOUND));
    }

    // reporting an outcome

    @Test
    void canReportTheOutcomeOfAnAcceptedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new ReportReferralOutcome(crisisId, referralId, FINDINGS,
                        RECOMMENDATION))
                .expectEvents(outcomeReported(referralId, ASEAN));
    }

    @Test
    void cannotReportTheOutcomeOfAPendingReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new ReportReferralOutcome(crisisId, referralId, FINDINGS,
                        RECOMMENDATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_ACCEPTED));
    }

    @Test
    void cannotReportTheOutcomeOfADeclinedReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN))
                .when(new ReportReferralOutcome(crisisId, referralId, FINDINGS,
                        RECOMMENDATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_ACCEPTED));
    }

    @Test
    void cannotReportTheOutcomeOfAReferralTwice() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        outcomeReported(referralId, ASEAN))
                .when(new ReportReferralOutcome(crisisId, referralId, FINDINGS,
                        RECOMMENDATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_ACCEPTED));
    }

    @Test
    void cannotReportTheOutcomeOfAnUnknownReferral() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new ReportReferralOutcome(crisisId, ReferralId.random(), FINDINGS,
                        RECOMMENDATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_NOT_FOUND));
    }

    // mini-lateral involvement

    @Test
    void canRecordMinilateralInvolvement() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new RecordMinilateralInvolvement(crisisId, MinilateralBloc.QUAD,
                        "Quad navies announced a joint patrol near the shoal"))
                .expectEvents(new MinilateralInvolvementRecorded(crisisId, MinilateralBloc.QUAD,
                        "Quad navies announced a joint patrol near the shoal"));
    }

    // resolving

    @Test
    void canResolveACrisisThatWasNeverReferred() {
        fixture.given(reefStandoffRaised(3))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION));
    }

    @Test
    void canResolveWhileAReferralIsAccepted() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION));
    }

    @Test
    void canResolveOnceEveryReferralIsAnswered() {
        ReferralId toEas = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        outcomeReported(referralId, ASEAN), referredTo(toEas, EAS), declined(toEas, EAS))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION));
    }

    @Test
    void cannotResolveWhileAReferralAwaitsAnAnswer() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_AWAITS_ANSWER));
    }

    @Test
    void cannotResolveWhileOneOfSeveralReferralsAwaitsAnAnswer() {
        ReferralId toEas = ReferralId.random();
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), declined(referralId, ASEAN),
                        referredTo(toEas, EAS))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.REFERRAL_AWAITS_ANSWER));
    }

    @Test
    void movesFromRaisedThroughCoordinatingToResolvedByItsCommands() {
        fixture.givenCommands(
                        new RaiseRegionalCrisis(crisisId, "Standoff at Second Thomas Shoal",
                                "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY,
                                Severity.of(3), List.of(PH, CN),
                                "A Philippine resupply mission to the BRP Sierra Madre was blocked"),
                        new ReferCrisisToOrganization(crisisId, referralId, ASEAN, MANDATE),
                        new AcceptReferral(crisisId, referralId))
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectEvents(new CrisisResolved(crisisId, RESOLUTION));
    }

    // nothing after resolution

    @Test
    void cannotEscalateAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), resolved())
                .when(new EscalateCrisis(crisisId, Severity.of(5), REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotDeescalateAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), resolved())
                .when(new DeescalateCrisis(crisisId, Severity.of(1), CALMER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotReferAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), resolved())
                .when(new ReferCrisisToOrganization(crisisId, referralId, ASEAN, MANDATE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotAcceptAReferralOfAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        resolved())
                .when(new AcceptReferral(crisisId, referralId))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotDeclineAReferralOfAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        resolved())
                .when(new DeclineReferral(crisisId, referralId, DECLINE_REASON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotReportTheOutcomeOfAnAcceptedReferralOfAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), referredTo(referralId, ASEAN), accepted(referralId, ASEAN),
                        resolved())
                .when(new ReportReferralOutcome(crisisId, referralId, FINDINGS,
                        RECOMMENDATION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotRecordMinilateralInvolvementInAResolvedCrisis() {
        fixture.given(reefStandoffRaised(3), resolved())
                .when(new RecordMinilateralInvolvement(crisisId, MinilateralBloc.US_JP_KR,
                        "Trilateral exercise announced near the shoal"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    @Test
    void cannotResolveACrisisTwice() {
        fixture.given(reefStandoffRaised(3), resolved())
                .when(new ResolveCrisis(crisisId, RESOLUTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(Rule.CRISIS_RESOLVED));
    }

    // the events a crisis is given

    private RegionalCrisisRaised reefStandoffRaised(int severity) {
        return new RegionalCrisisRaised(crisisId, "Standoff at Second Thomas Shoal",
                "Second Thomas Shoal, Spratly Islands", SecurityTopic.MARITIME_SECURITY, Severity.of(severity),
                List.of(PH, CN), "A Philippine resupply mission to the BRP Sierra Madre was blocked");
    }

    private RegionalCrisisRaised koreanCyberAttackRaised() {
        return new RegionalCrisisRaised(crisisId, "Ransomware attack on port logistics systems", "Port of Busan",
                SecurityTopic.CYBER_SECURITY, Severity.of(2), List.of(KR),
                "Container terminals halted operations after a ransomware attack");
    }

    private CrisisReferredToOrganization referredTo(ReferralId id, Organization organization) {
        return new CrisisReferredToOrganization(crisisId, id, organization, MANDATE);
    }

    private ReferralAccepted accepted(ReferralId id, Organization organization) {
        return new ReferralAccepted(crisisId, id, organization);
    }

    private ReferralDeclined declined(ReferralId id, Organization organization) {
        return new ReferralDeclined(crisisId, id, organization, DECLINE_REASON);
    }

    private ReferralOutcomeReported outcomeReported(ReferralId id, Organization organization) {
        return new ReferralOutcomeReported(crisisId, id, organization, FINDINGS, RECOMMENDATION);
    }

    private CrisisResolved resolved() {
        return new CrisisResolved(crisisId, RESOLUTION);
    }
}
