package org.crisiscoordination.query.mechanism;

import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security mechanism's handlers called directly, against its real tables. The mechanism is a
 * single aggregate, so its rows are global: every test starts from empty tables, once nothing of
 * an earlier test is still on its way into them, and leaves them empty, so that no row of its own
 * (a pledge, say) shows in another test's channel view.
 */
class SecurityMechanismProjectionIT extends QueryServiceIT {

    private static final Instant T0 = Instant.parse("2024-07-01T08:00:00Z");
    private static final MechanismId MECHANISM = MechanismId.ASIA_PACIFIC;

    @Autowired
    private SecurityMechanismProjection projection;

    @Autowired
    private ProjectionProgress progress;

    @BeforeEach
    void emptyTables() {
        CaughtUp.await(progress, jdbc);
        projection.reset();
    }

    @AfterEach
    void leaveNothingBehind() {
        projection.reset();
    }

    @Test
    void anAdmittedTopicIsOnTheAgendaWithItsTierAndTime() {
        projection.on(new SecurityTopicAdmitted(MECHANISM, SecurityTopic.DISASTER_RELIEF, 1), T0);
        projection.on(new SecurityTopicAdmitted(MECHANISM, SecurityTopic.CYBER_SECURITY, 2), T0.plusSeconds(60));

        assertThat(topics())
                .containsExactly("CYBER_SECURITY|2|" + T0.plusSeconds(60), "DISASTER_RELIEF|1|" + T0);
    }

    @Test
    void aStateThatJoinedIsAMemberSinceItJoined() {
        projection.on(new MemberStateJoined(MECHANISM, StateCode.of("VN")), T0);
        projection.on(new MemberStateJoined(MECHANISM, StateCode.of("GB")), T0.plusSeconds(60));

        assertThat(members())
                .containsExactly("GB|" + T0.plusSeconds(60), "VN|" + T0);
    }

    @Test
    void aPledgeIsRecordedForAMajorPowerAndForAState() {
        projection.on(new NonViolencePledgeMade(MECHANISM, Party.of(MajorPower.ASEAN)), T0);
        projection.on(new NonViolencePledgeMade(MECHANISM, Party.of("MN")), T0.plusSeconds(60));

        assertThat(pledges())
                .containsExactly("ASEAN|" + T0, "MN|" + T0.plusSeconds(60));
    }

    @Test
    void handlingTheSameEventsAgainKeepsOneRowEachWithItsFirstTime() {
        SecurityTopicAdmitted admitted = new SecurityTopicAdmitted(MECHANISM, SecurityTopic.PUBLIC_HEALTH, 1);
        MemberStateJoined joined = new MemberStateJoined(MECHANISM, StateCode.of("PH"));
        NonViolencePledgeMade pledged = new NonViolencePledgeMade(MECHANISM, Party.of(MajorPower.IN));
        projection.on(admitted, T0);
        projection.on(joined, T0.plusSeconds(1));
        projection.on(pledged, T0.plusSeconds(2));

        projection.on(admitted, T0.plusSeconds(100));
        projection.on(joined, T0.plusSeconds(101));
        projection.on(pledged, T0.plusSeconds(102));

        assertThat(topics())
                .containsExactly("PUBLIC_HEALTH|1|" + T0);
        assertThat(members())
                .containsExactly("PH|" + T0.plusSeconds(1));
        assertThat(pledges())
                .containsExactly("IN|" + T0.plusSeconds(2));
    }

    @Test
    void resettingEmptiesEveryTableOfTheMechanism() {
        projection.on(new SecurityTopicAdmitted(MECHANISM, SecurityTopic.COUNTER_PIRACY, 1), T0);
        projection.on(new MemberStateJoined(MECHANISM, StateCode.of("SG")), T0);
        projection.on(new NonViolencePledgeMade(MECHANISM, Party.of("SG")), T0);

        projection.reset();

        for (String table : List.of("mechanism_topic", "mechanism_member", "mechanism_pledge")) {
            assertThat(jdbc.queryForObject("select count(*) from read_model." + table, Long.class))
                    .as(table).isZero();
        }
    }

    private List<String> topics() {
        return jdbc.query("select topic, tier, admitted_at from read_model.mechanism_topic order by topic",
                (rs, n) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getTimestamp(3).toInstant());
    }

    private List<String> members() {
        return jdbc.query("select state, joined_at from read_model.mechanism_member order by state",
                (rs, n) -> rs.getString(1) + "|" + rs.getTimestamp(2).toInstant());
    }

    private List<String> pledges() {
        return jdbc.query("select party, pledged_at from read_model.mechanism_pledge order by party",
                (rs, n) -> rs.getString(1) + "|" + rs.getTimestamp(2).toInstant());
    }
}
