package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.MinilateralInvolvementRecorded;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crisis board's handlers called directly, against its real tables: what each event does to
 * the rows. The tracking processor runs beside, but never sees these events (they are not in the
 * store); every test uses crises of its own.
 */
class CrisisBoardProjectionIT extends QueryServiceIT {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    private CrisisBoardProjection projection;

    @Autowired
    private ProjectionProgress progress;

    @Test
    void raisingACrisisInsertsItsRowAsRaisedAtVersionZero() {
        CrisisId crisis = CrisisId.random();

        projection.on(raised(crisis, SecurityTopic.MARITIME_SECURITY, 3, "PH", "VN"), T0, 0);

        CrisisRow row = crisis(crisis);
        assertThat(row.title()).isEqualTo("Standoff at " + crisis);
        assertThat(row.hotspot()).isEqualTo("Second Thomas Shoal");
        assertThat(row.topic()).isEqualTo("MARITIME_SECURITY");
        assertThat(row.tier()).isEqualTo(2);
        assertThat(row.severity()).isEqualTo(3);
        assertThat(row.status()).isEqualTo("RAISED");
        assertThat(row.involvedStates()).containsExactly("PH", "VN");
        assertThat(row.summary()).isEqualTo("Vessels collided");
        assertThat(row.onAgendaAtRaise()).isFalse();
        assertThat(row.raisedAt()).isEqualTo(T0);
        assertThat(row.lastActivityAt()).isEqualTo(T0);
        assertThat(row.version()).isZero();
        assertThat(row.resolvedAt()).isNull();
        assertThat(row.resolution()).isNull();
        assertThat(row.jointStatement()).isEqualTo("NONE");
        assertThat(referrals(crisis)).isEmpty();
    }

    @Test
    void aCrisisRaisedUnderAnAdmittedTopicIsOnTheAgendaAtRaise() {
        CrisisId crisis = CrisisId.random();
        boolean admittedBefore = agendaHas(SecurityTopic.COUNTER_PIRACY);
        jdbc.update("insert into read_model.board_agenda_topic (topic, admitted_at) values (?, now())"
                + " on conflict do nothing", SecurityTopic.COUNTER_PIRACY.name());
        try {
            projection.on(raised(crisis, SecurityTopic.COUNTER_PIRACY, 2, "SO"), T0, 0);
        } finally {
            if (!admittedBefore) {
                jdbc.update("delete from read_model.board_agenda_topic where topic = ?",
                        SecurityTopic.COUNTER_PIRACY.name());
            }
        }

        assertThat(crisis(crisis).onAgendaAtRaise()).isTrue();
    }

    @Test
    void escalatingRaisesTheSeverityAndDeescalatingLowersIt() {
        CrisisId crisis = CrisisId.random();
        projection.on(raised(crisis, SecurityTopic.DISASTER_RELIEF, 2, "ID"), T0, 0);

        projection.on(new CrisisEscalated(crisis, Severity.of(2), Severity.of(4), "aftershocks"),
                T0.plusSeconds(60), 1);
        assertThat(crisis(crisis).severity()).isEqualTo(4);

        projection.on(new CrisisDeescalated(crisis, Severity.of(4), Severity.of(1), "relief arrived"),
                T0.plusSeconds(120), 2);
        CrisisRow row = crisis(crisis);
        assertThat(row.severity()).isEqualTo(1);
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.lastActivityAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(row.status()).isEqualTo("RAISED");
    }

    @Test
    void aReferralGoesFromPendingToAcceptedToOutcomeReported() {
        CrisisId crisis = CrisisId.random();
        ReferralId referral = ReferralId.random();
        projection.on(raised(crisis, SecurityTopic.MARITIME_SEARCH_AND_RESCUE, 2, "MY"), T0, 0);

        projection.on(new CrisisReferredToOrganization(crisis, referral, Organization.ASEAN, "coordinate the search"),
                T0.plusSeconds(10), 1);
        ReferralRow pending = referral(referral);
        assertThat(pending.crisisId()).isEqualTo(crisis.value());
        assertThat(pending.organization()).isEqualTo("ASEAN");
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.mandate()).isEqualTo("coordinate the search");
        assertThat(pending.referredAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(pending.answeredAt()).isNull();

        projection.on(new ReferralAccepted(crisis, referral, Organization.ASEAN), T0.plusSeconds(20), 2);
        ReferralRow accepted = referral(referral);
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.answeredAt()).isEqualTo(T0.plusSeconds(20));

        projection.on(new ReferralOutcomeReported(crisis, referral, Organization.ASEAN, "crew found",
                "joint patrols"), T0.plusSeconds(30), 3);
        ReferralRow reported = referral(referral);
        assertThat(reported.status()).isEqualTo("OUTCOME_REPORTED");
        assertThat(reported.findings()).isEqualTo("crew found");
        assertThat(reported.recommendation()).isEqualTo("joint patrols");
        assertThat(reported.reportedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(reported.answeredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(crisis(crisis).version()).isEqualTo(3);
        assertThat(crisis(crisis).lastActivityAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aDeclinedReferralKeepsItsReason() {
        CrisisId crisis = CrisisId.random();
        ReferralId referral = ReferralId.random();
        projection.on(raised(crisis, SecurityTopic.TRANSNATIONAL_CRIME, 2, "PK"), T0, 0);
        projection.on(new CrisisReferredToOrganization(crisis, referral, Organization.SAARC, "assess"),
                T0.plusSeconds(10), 1);

        projection.on(new ReferralDeclined(crisis, referral, Organization.SAARC, "outside our remit"),
                T0.plusSeconds(20), 2);

        ReferralRow declined = referral(referral);
        assertThat(declined.status()).isEqualTo("DECLINED");
        assertThat(declined.declineReason()).isEqualTo("outside our remit");
        assertThat(declined.answeredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(declined.findings()).isNull();
        assertThat(crisis(crisis).status()).isEqualTo("COORDINATING");
    }

    @Test
    void aCrisisIsCoordinatingFromItsFirstReferralAndResolvedWhenResolved() {
        CrisisId crisis = CrisisId.random();
        projection.on(raised(crisis, SecurityTopic.PUBLIC_HEALTH, 3, "TH", "MM"), T0, 0);
        assertThat(crisis(crisis).status()).isEqualTo("RAISED");

        projection.on(new CrisisReferredToOrganization(crisis, ReferralId.random(), Organization.ASEAN, "vaccines"),
                T0.plusSeconds(10), 1);
        assertThat(crisis(crisis).status()).isEqualTo("COORDINATING");
        projection.on(new CrisisReferredToOrganization(crisis, ReferralId.random(), Organization.EAS, "funding"),
                T0.plusSeconds(20), 2);
        assertThat(crisis(crisis).status()).isEqualTo("COORDINATING");
        assertThat(referrals(crisis)).hasSize(2);

        projection.on(new CrisisResolved(crisis, "outbreak contained"), T0.plusSeconds(30), 3);
        CrisisRow resolved = crisis(crisis);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.resolution()).isEqualTo("outbreak contained");
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(resolved.version()).isEqualTo(3);
    }

    @Test
    void aReferralHandledAgainAfterTheResolutionDoesNotReopenTheCrisis() {
        CrisisId crisis = CrisisId.random();
        ReferralId referral = ReferralId.random();
        CrisisReferredToOrganization referred = new CrisisReferredToOrganization(crisis, referral, Organization.SCO,
                "mediate");
        projection.on(raised(crisis, SecurityTopic.COUNTER_TERRORISM, 3, "KG"), T0, 0);
        projection.on(referred, T0.plusSeconds(10), 1);
        projection.on(new CrisisResolved(crisis, "settled"), T0.plusSeconds(20), 2);

        projection.on(referred, T0.plusSeconds(10), 1);

        assertThat(crisis(crisis).status()).isEqualTo("RESOLVED");
        assertThat(referrals(crisis)).hasSize(1);
    }

    @Test
    void minilateralInvolvementsAreRecordedOnePerEvent() {
        CrisisId crisis = CrisisId.random();
        projection.on(raised(crisis, SecurityTopic.MILITARY_CONFRONTATION, 4, "PH"), T0, 0);

        projection.on(new MinilateralInvolvementRecorded(crisis, MinilateralBloc.QUAD, "joint exercise"),
                T0.plusSeconds(10), 1);
        projection.on(new MinilateralInvolvementRecorded(crisis, MinilateralBloc.AUKUS, "submarine visit"),
                T0.plusSeconds(20), 2);

        assertThat(jdbc.query("select bloc, description, recorded_at from read_model.crisis_minilateral_involvement"
                        + " where crisis_id = ? order by sequence",
                (rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(3).toInstant(),
                crisis.value()))
                .containsExactly("QUAD|joint exercise|" + T0.plusSeconds(10),
                        "AUKUS|submarine visit|" + T0.plusSeconds(20));
        assertThat(crisis(crisis).version()).isEqualTo(2);
    }

    @Test
    void versionAndLastActivityMoveForwardAndNeverBackWhenAnOlderEventIsHandledAgain() {
        CrisisId crisis = CrisisId.random();
        CrisisEscalated older = new CrisisEscalated(crisis, Severity.of(1), Severity.of(2), "tension");
        projection.on(raised(crisis, SecurityTopic.CYBER_SECURITY, 1, "SG"), T0, 0);
        projection.on(older, T0.plusSeconds(60), 1);
        projection.on(new MinilateralInvolvementRecorded(crisis, MinilateralBloc.US_JP_KR, "statement"),
                T0.plusSeconds(120), 2);
        assertThat(crisis(crisis).version()).isEqualTo(2);
        assertThat(crisis(crisis).lastActivityAt()).isEqualTo(T0.plusSeconds(120));

        projection.on(older, T0.plusSeconds(60), 1);

        CrisisRow row = crisis(crisis);
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.lastActivityAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(row.raisedAt()).isEqualTo(T0);
    }

    @Test
    void handlingTheSameEventTwiceLeavesOneRowOneReferralAndOneInvolvement() {
        CrisisId crisis = CrisisId.random();
        ReferralId referral = ReferralId.random();
        RegionalCrisisRaised raised = raised(crisis, SecurityTopic.NUCLEAR_SAFETY, 3, "IN");
        CrisisReferredToOrganization referred = new CrisisReferredToOrganization(crisis, referral, Organization.SCO,
                "inspect");
        MinilateralInvolvementRecorded involvement = new MinilateralInvolvementRecorded(crisis, MinilateralBloc.QUAD,
                "briefing");
        CrisisEscalated escalated = new CrisisEscalated(crisis, Severity.of(3), Severity.of(5), "leak");

        for (int time = 0; time < 2; time++) {
            projection.on(raised, T0, 0);
            projection.on(referred, T0.plusSeconds(10), 1);
            projection.on(involvement, T0.plusSeconds(20), 2);
            projection.on(escalated, T0.plusSeconds(30), 3);
        }

        assertThat(jdbc.queryForObject("select count(*) from read_model.crisis where crisis_id = ?", Long.class,
                crisis.value())).isEqualTo(1);
        assertThat(referrals(crisis)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from read_model.crisis_minilateral_involvement"
                + " where crisis_id = ?", Long.class, crisis.value())).isEqualTo(1);
        CrisisRow row = crisis(crisis);
        assertThat(row.severity()).isEqualTo(5);
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.status()).isEqualTo("COORDINATING");
    }

    @Test
    void aRaiseHandledAgainDoesNotOverwriteWhatHappenedSince() {
        CrisisId crisis = CrisisId.random();
        RegionalCrisisRaised raised = raised(crisis, SecurityTopic.DISASTER_RELIEF, 2, "NP");
        projection.on(raised, T0, 0);
        projection.on(new CrisisEscalated(crisis, Severity.of(2), Severity.of(3), "floods"), T0.plusSeconds(60), 1);

        projection.on(raised, T0, 0);

        CrisisRow row = crisis(crisis);
        assertThat(row.severity()).isEqualTo(3);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.lastActivityAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anEventOfACrisisNotOnTheBoardAddsNoRow() {
        CrisisId unknown = CrisisId.random();

        projection.on(new CrisisEscalated(unknown, Severity.of(1), Severity.of(2), "rumour"), T0, 1);
        projection.on(new CrisisResolved(unknown, "never raised"), T0, 2);

        assertThat(jdbc.queryForObject("select count(*) from read_model.crisis where crisis_id = ?", Long.class,
                unknown.value())).isZero();
    }

    @Test
    void resettingEmptiesEveryTableOfTheBoard() {
        // nothing of an earlier test may still be on its way into the tables we empty
        CaughtUp.await(progress, jdbc);
        CrisisId crisis = CrisisId.random();
        projection.on(raised(crisis, SecurityTopic.PUBLIC_HEALTH, 2, "LA"), T0, 0);
        projection.on(new CrisisReferredToOrganization(crisis, ReferralId.random(), Organization.ASEAN, "help"),
                T0.plusSeconds(1), 1);
        projection.on(new MinilateralInvolvementRecorded(crisis, MinilateralBloc.QUAD, "aid"), T0.plusSeconds(2), 2);
        jdbc.update("insert into read_model.board_agenda_topic (topic, admitted_at) values ('PUBLIC_HEALTH', now())"
                + " on conflict do nothing");

        projection.reset();

        for (String table : List.of("crisis", "crisis_referral", "crisis_minilateral_involvement",
                "board_agenda_topic")) {
            assertThat(jdbc.queryForObject("select count(*) from read_model." + table, Long.class))
                    .as(table).isZero();
        }
    }

    private static RegionalCrisisRaised raised(CrisisId crisis, SecurityTopic topic, int severity, String... states) {
        return new RegionalCrisisRaised(crisis, "Standoff at " + crisis, "Second Thomas Shoal", topic,
                Severity.of(severity), Arrays.stream(states).map(StateCode::of).toList(), "Vessels collided");
    }

    private boolean agendaHas(SecurityTopic topic) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from read_model.board_agenda_topic where topic = ?)", Boolean.class,
                topic.name()));
    }

    private record CrisisRow(String title, String hotspot, String topic, int tier, int severity, String status,
                             List<String> involvedStates, String summary, boolean onAgendaAtRaise, Instant raisedAt,
                             Instant lastActivityAt, long version, Instant resolvedAt, String resolution,
                             String jointStatement) {
    }

    private record ReferralRow(UUID crisisId, String organization, String status, String mandate, Instant referredAt,
                               Instant answeredAt, String declineReason, String findings, String recommendation,
                               Instant reportedAt) {
    }

    private CrisisRow crisis(CrisisId crisis) {
        return jdbc.queryForObject("select * from read_model.crisis where crisis_id = ?", (rs, n) -> new CrisisRow(
                rs.getString("title"), rs.getString("hotspot"), rs.getString("topic"), rs.getInt("tier"),
                rs.getInt("severity"), rs.getString("status"),
                List.of((String[]) rs.getArray("involved_states").getArray()), rs.getString("summary"),
                rs.getBoolean("on_agenda_at_raise"), instant(rs, "raised_at"), instant(rs, "last_activity_at"),
                rs.getLong("version"), instant(rs, "resolved_at"), rs.getString("resolution"),
                rs.getString("joint_statement")), crisis.value());
    }

    private ReferralRow referral(ReferralId referral) {
        return jdbc.queryForObject("select * from read_model.crisis_referral where referral_id = ?", this::referralRow,
                referral.value());
    }

    private List<ReferralRow> referrals(CrisisId crisis) {
        return jdbc.query("select * from read_model.crisis_referral where crisis_id = ?", this::referralRow,
                crisis.value());
    }

    private ReferralRow referralRow(ResultSet rs, int n) throws SQLException {
        return new ReferralRow(rs.getObject("crisis_id", UUID.class), rs.getString("organization"),
                rs.getString("status"), rs.getString("mandate"), instant(rs, "referred_at"),
                instant(rs, "answered_at"), rs.getString("decline_reason"), rs.getString("findings"),
                rs.getString("recommendation"), instant(rs, "reported_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return CrisisBoardRepository.instant(rs, column);
    }
}
