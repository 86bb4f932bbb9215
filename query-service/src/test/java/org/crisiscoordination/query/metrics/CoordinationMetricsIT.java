package org.crisiscoordination.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.channel.ChannelAcknowledgementOverdue;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.ChannelParticipationAcknowledged;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.RegionalReferenceData;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.board.CrisisBoardProjection;
import org.crisiscoordination.query.channel.ChannelViewProjection;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.web.ConsistencyGate;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.crisiscoordination.kernel.region.MajorPower.ASEAN;
import static org.crisiscoordination.kernel.region.MajorPower.CN;
import static org.crisiscoordination.kernel.region.MajorPower.IN;
import static org.crisiscoordination.kernel.region.MajorPower.JP;
import static org.crisiscoordination.kernel.region.MajorPower.RU;
import static org.crisiscoordination.kernel.region.MajorPower.US;

/**
 * The coordination metrics over a known history, figure by figure. The metrics measure the whole
 * record, so this context has a database of its own: it holds nothing but the history recorded
 * once before the tests, at times chosen here; the figure tests check the metrics read right after
 * it, and the consistency-token tests add to it and check what they added.
 *
 * <pre>
 * crisis  involved  channel (convened)           acknowledgements (deadline +1h)              statements
 * C1      PH CN     K1 CN US ASEAN  (+10m)        CN +5m; US overdue, then +90m late; ASEAN   CN CN US ASEAN ASEAN
 *                                                 overdue, never
 * C2      JP        K2 CN JP        (+30m) closed CN +15m; JP never
 * C3      KZ PK     K3 US RU IN     (+50m)        RU +10m; US +30m; IN never                 US RU
 * C4      MN        K4 CN RU        (+2h)         RU +20m; CN +40m                           CN
 * C5      VN        -
 * referrals: ASEAN  C1 outcome reported, C1 declined, C1 pending, C5 accepted; SCO C1 pending;
 *            SAARC C3 declined; CICA C3 accepted; EAS none
 * agenda: tier 1 all four topics, tier 2 COUNTER_TERRORISM and CYBER_SECURITY (one admitted twice)
 * members: VN PH IN AU (of the region) and GB (not of it); VN joined twice
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinationMetricsIT {

    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(1);
    private static final MechanismId MECHANISM = MechanismId.ASIA_PACIFIC;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ProjectionProgress progress;

    @Autowired
    private DataSource dataSource;

    private Api api;
    private JsonNode empty;
    private JsonNode measured;
    private CrisisId c3;
    private ChannelId k3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @BeforeAll
    void measureAnEmptyRecordThenAKnownHistory() {
        api = new Api("http://localhost:" + port);
        empty = metrics();
        record(new History(new EventAppender(jdbc).notifying()));
        CaughtUp.await(progress, jdbc);
        measured = metrics();
    }

    @Test
    void anEmptyRecordMeasuresNothingAndDividesByNothing() {
        assertThat(empty.get("timeToConvene").get("count").asInt()).isZero();
        assertThat(empty.get("timeToConvene").get("average").isNull()).isTrue();
        assertThat(empty.get("timeToConvene").get("median").isNull()).isTrue();
        assertThat(empty.get("timeToConvene").get("max").isNull()).isTrue();
        assertThat(list(empty.get("acknowledgementLatency"))).hasSize(MajorPower.values().length).allSatisfy(p -> {
            assertThat(p.get("latency").get("count").asInt()).isZero();
            assertThat(p.get("pending").asInt()).isZero();
        });
        assertThat(list(empty.get("referralAcceptance"))).hasSize(Organization.values().length)
                .allSatisfy(o -> assertThat(o.get("acceptanceRate").isNull()).isTrue());
        assertThat(list(empty.get("agendaCoverage")))
                .allSatisfy(t -> assertThat(t.get("coverage").asDouble()).isZero());
        assertThat(empty.get("inclusiveness").get("memberStates").asInt()).isZero();
        assertThat(empty.get("inclusiveness").get("ratio").asDouble()).isZero();
        assertThat(list(empty.get("voiceBalance"))).hasSize(MajorPower.values().length).allSatisfy(v -> {
            assertThat(v.get("statements").asInt()).isZero();
            assertThat(v.get("share").asDouble()).isZero();
        });
    }

    @Test
    void timeToConveneIsMeasuredFromRaisingTheCrisisToConveningItsChannel() {
        JsonNode time = measured.get("timeToConvene");

        assertThat(time.get("count").asInt()).isEqualTo(4);
        // 10, 30, 50 and 120 minutes
        assertThat(duration(time, "average")).isEqualTo(Duration.ofMinutes(52).plusSeconds(30));
        assertThat(duration(time, "median")).isEqualTo(Duration.ofMinutes(40));
        assertThat(duration(time, "max")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void acknowledgementLatencyIsMeasuredPerPowerFromConveningToItsAcknowledgement() {
        JsonNode cn = latencyOf(CN);
        assertThat(cn.get("latency").get("count").asInt()).isEqualTo(3);
        // 5, 15 and 40 minutes
        assertThat(duration(cn.get("latency"), "average")).isEqualTo(Duration.ofMinutes(20));
        assertThat(duration(cn.get("latency"), "median")).isEqualTo(Duration.ofMinutes(15));
        assertThat(duration(cn.get("latency"), "max")).isEqualTo(Duration.ofMinutes(40));

        JsonNode us = latencyOf(US);
        assertThat(us.get("latency").get("count").asInt()).isEqualTo(2);
        // 90 and 30 minutes
        assertThat(duration(us.get("latency"), "average")).isEqualTo(Duration.ofHours(1));
        assertThat(duration(us.get("latency"), "median")).isEqualTo(Duration.ofHours(1));
        assertThat(duration(us.get("latency"), "max")).isEqualTo(Duration.ofMinutes(90));

        JsonNode ru = latencyOf(RU);
        assertThat(ru.get("latency").get("count").asInt()).isEqualTo(2);
        assertThat(duration(ru.get("latency"), "average")).isEqualTo(Duration.ofMinutes(15));
        assertThat(duration(ru.get("latency"), "max")).isEqualTo(Duration.ofMinutes(20));

        for (MajorPower never : List.of(JP, IN, ASEAN)) {
            JsonNode latency = latencyOf(never).get("latency");
            assertThat(latency.get("count").asInt()).as(never.name()).isZero();
            assertThat(latency.get("average").isNull()).as(never.name()).isTrue();
            assertThat(latency.get("median").isNull()).as(never.name()).isTrue();
            assertThat(latency.get("max").isNull()).as(never.name()).isTrue();
        }
    }

    @Test
    void lateOverdueAndPendingAcknowledgementsAreCountedPerPowerPendingOnlyInOpenChannels() {
        assertThat(counts(CN)).containsExactly(0, 0, 0);
        assertThat(counts(US)).as("late, overdue, pending").containsExactly(1, 1, 0);
        assertThat(counts(RU)).containsExactly(0, 0, 0);
        assertThat(counts(JP)).as("its only channel closed unacknowledged").containsExactly(0, 0, 0);
        assertThat(counts(IN)).containsExactly(0, 0, 1);
        assertThat(counts(ASEAN)).containsExactly(0, 1, 1);
    }

    @Test
    void referralAcceptanceIsAcceptedOfAnsweredPerOrganization() {
        assertThat(referrals(Organization.ASEAN)).as("referred, accepted, declined, pending")
                .containsExactly(4, 2, 1, 1);
        assertThat(rate(Organization.ASEAN)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(referrals(Organization.SCO)).containsExactly(1, 0, 0, 1);
        assertThat(acceptance(Organization.SCO).get("acceptanceRate").isNull()).as("none answered").isTrue();
        assertThat(referrals(Organization.SAARC)).containsExactly(1, 0, 1, 0);
        assertThat(rate(Organization.SAARC)).isZero();
        assertThat(referrals(Organization.EAS)).containsExactly(0, 0, 0, 0);
        assertThat(acceptance(Organization.EAS).get("acceptanceRate").isNull()).isTrue();
        assertThat(referrals(Organization.CICA)).containsExactly(1, 1, 0, 0);
        assertThat(rate(Organization.CICA)).isEqualTo(1.0);
    }

    @Test
    void agendaCoverageIsTheShareOfEachTiersTopicsAdmitted() {
        List<JsonNode> tiers = list(measured.get("agendaCoverage"));

        assertThat(tiers).extracting(t -> t.get("tier").asInt()).containsExactly(1, 2, 3);
        assertThat(tiers).extracting(t -> t.get("admitted").asInt()).containsExactly(4, 2, 0);
        assertThat(tiers).extracting(t -> t.get("topics").asInt()).containsExactly(4, 5, 3);
        assertThat(tiers.get(0).get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(tiers.get(1).get("coverage").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(tiers.get(2).get("coverage").asDouble()).isZero();
    }

    @Test
    void inclusivenessCountsMemberStatesOfTheRegionOnly() {
        JsonNode inclusiveness = measured.get("inclusiveness");
        int region = RegionalReferenceData.current().statesOfTheRegion().size();

        assertThat(RegionalReferenceData.current().statesOfTheRegion()).contains(StateCode.of("AU"))
                .doesNotContain(StateCode.of("GB"));
        assertThat(region).isEqualTo(44);
        assertThat(inclusiveness.get("statesOfTheRegion").asInt()).isEqualTo(region);
        assertThat(inclusiveness.get("memberStates").asInt()).as("VN PH IN AU, not GB").isEqualTo(4);
        assertThat(inclusiveness.get("ratio").asDouble()).isCloseTo(4.0 / 44, within(1e-9));
    }

    @Test
    void voiceBalanceIsEachPowersShareOfAllStatements() {
        List<JsonNode> voices = list(measured.get("voiceBalance"));

        assertThat(voices).extracting(v -> v.get("participant").asText())
                .containsExactly("CN", "US", "RU", "JP", "IN", "ASEAN");
        assertThat(voices).extracting(v -> v.get("statements").asInt()).containsExactly(3, 2, 1, 0, 0, 2);
        assertThat(voices).extracting(v -> v.get("share").asDouble())
                .containsExactly(0.375, 0.25, 0.125, 0.0, 0.0, 0.25);
        assertThat(voices.stream().mapToDouble(v -> v.get("share").asDouble()).sum()).isCloseTo(1.0, within(1e-9));
    }

    /** A projection the metrics are read from, and a row that holds up its next insert until rolled back. */
    enum Held {
        CRISIS_BOARD(CrisisBoardProjection.NAME, "insert into read_model.crisis_referral (referral_id, crisis_id,"
                + " organization, status, mandate, referred_at)"
                + " values (?::uuid, ?::uuid, 'SCO', 'PENDING', 'held', now())"),
        CHANNEL_VIEW(ChannelViewProjection.NAME, "insert into read_model.channel_statement (channel_id, sequence,"
                + " participant, text, submitted_at) values (?::uuid, ?, 'IN', 'held', now())"),
        SECURITY_MECHANISM(SecurityMechanismProjection.NAME,
                "insert into read_model.mechanism_member (state, joined_at) values (?, now())");

        private final String projection;
        private final String insert;

        Held(String projection, String insert) {
            this.projection = projection;
            this.insert = insert;
        }

        List<String> others() {
            return Arrays.stream(values()).filter(other -> other != this).map(other -> other.projection).toList();
        }
    }

    @ParameterizedTest(name = "{0} held up")
    @EnumSource(Held.class)
    void withAConsistencyTokenTheMetricsWaitForEachOfTheirThreeProjections(Held held) throws Exception {
        CaughtUp.await(progress, jdbc);
        JsonNode before = metrics();
        ReferralId referral = ReferralId.random();
        long statement = nextSequenceOf(k3);
        String state = aStateOfTheRegionNotYetAMember();
        History history = new History(new EventAppender(jdbc).notifying());

        Api.Answer answer;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement(held.insert)) {
                switch (held) {
                    case CRISIS_BOARD -> {
                        insert.setString(1, referral.toString());
                        insert.setString(2, c3.toString());
                    }
                    case CHANNEL_VIEW -> {
                        insert.setString(1, k3.toString());
                        insert.setLong(2, statement);
                    }
                    case SECURITY_MECHANISM -> insert.setString(1, state);
                }
                insert.executeUpdate();
            }
            history.crisis(c3, new CrisisReferredToOrganization(c3, referral, Organization.SCO, "observe"), at(600));
            history.channel(k3, new PositionStatementSubmitted(k3, IN, "we are ready"), at(601));
            history.mechanism(new MemberStateJoined(MECHANISM, StateCode.of(state)), at(602));
            long position = history.last();
            String token = new ConsistencyToken(position).encode();
            CompletableFuture<Api.Answer> read = CompletableFuture.supplyAsync(
                    () -> api.get("/api/metrics/coordination").header(ConsistencyGate.HEADER, token).send());

            // the other two have passed the write; only the one held up has not
            await("the projections other than " + held).atMost(Duration.ofSeconds(3))
                    .until(() -> progress.covers(position, held.others()));
            await("the read still waiting for " + held + ", which has not passed the write")
                    .during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> !read.isDone());
            holder.rollback();
            answer = read.get(10, TimeUnit.SECONDS);
        }

        assertThat(answer.status()).isEqualTo(200);
        JsonNode after = answer.json();
        assertThat(find(after.get("referralAcceptance"), "organization", "SCO").get("referred").asInt())
                .as("crisis board").isEqualTo(find(before.get("referralAcceptance"), "organization", "SCO")
                        .get("referred").asInt() + 1);
        assertThat(find(after.get("voiceBalance"), "participant", "IN").get("statements").asInt())
                .as("channel view").isEqualTo(find(before.get("voiceBalance"), "participant", "IN")
                        .get("statements").asInt() + 1);
        assertThat(after.get("inclusiveness").get("memberStates").asInt())
                .as("security mechanism").isEqualTo(before.get("inclusiveness").get("memberStates").asInt() + 1);
    }

    // --- the history -----------------------------------------------------------------------------

    private void record(History history) {
        for (SecurityTopic topic : List.of(SecurityTopic.DISASTER_RELIEF, SecurityTopic.MARITIME_SEARCH_AND_RESCUE,
                SecurityTopic.PUBLIC_HEALTH, SecurityTopic.COUNTER_PIRACY, SecurityTopic.COUNTER_TERRORISM,
                SecurityTopic.CYBER_SECURITY, SecurityTopic.COUNTER_TERRORISM)) {
            history.mechanism(new SecurityTopicAdmitted(MECHANISM, topic, topic.tier()), T0.minusSeconds(3600));
        }
        for (String state : List.of("VN", "PH", "IN", "AU", "GB", "VN")) {
            history.mechanism(new MemberStateJoined(MECHANISM, StateCode.of(state)), T0.minusSeconds(3600));
        }

        CrisisId c1 = history.raise(SecurityTopic.MARITIME_SECURITY, T0, "PH", "CN");
        CrisisId c2 = history.raise(SecurityTopic.CYBER_SECURITY, T0, "JP");
        c3 = history.raise(SecurityTopic.COUNTER_TERRORISM, T0, "KZ", "PK");
        CrisisId c4 = history.raise(SecurityTopic.DISASTER_RELIEF, T0, "MN");
        CrisisId c5 = history.raise(SecurityTopic.PUBLIC_HEALTH, T0, "VN");

        ReferralId reported = ReferralId.random();
        ReferralId declined = ReferralId.random();
        refer(history, c1, reported, Organization.ASEAN, 1);
        history.crisis(c1, new ReferralAccepted(c1, reported, Organization.ASEAN), at(2));
        history.crisis(c1, new ReferralOutcomeReported(c1, reported, Organization.ASEAN, "talks held", "hotline"),
                at(3));
        refer(history, c1, declined, Organization.ASEAN, 4);
        history.crisis(c1, new ReferralDeclined(c1, declined, Organization.ASEAN, "no mandate"), at(5));
        refer(history, c1, ReferralId.random(), Organization.ASEAN, 6);
        refer(history, c1, ReferralId.random(), Organization.SCO, 7);
        ReferralId accepted = ReferralId.random();
        refer(history, c5, accepted, Organization.ASEAN, 1);
        history.crisis(c5, new ReferralAccepted(c5, accepted, Organization.ASEAN), at(2));
        ReferralId cica = ReferralId.random();
        ReferralId saarc = ReferralId.random();
        refer(history, c3, cica, Organization.CICA, 1);
        history.crisis(c3, new ReferralAccepted(c3, cica, Organization.CICA), at(2));
        refer(history, c3, saarc, Organization.SAARC, 3);
        history.crisis(c3, new ReferralDeclined(c3, saarc, Organization.SAARC, "bilateral matter"), at(4));

        ChannelId k1 = history.convene(c1, at(10), WITHIN, CN, US, ASEAN);
        ChannelId k2 = history.convene(c2, at(30), WITHIN, CN, JP);
        k3 = history.convene(c3, at(50), WITHIN, US, RU, IN);
        ChannelId k4 = history.convene(c4, at(120), WITHIN, CN, RU);

        acknowledge(history, k1, CN, 15, false);
        state(history, k1, CN, 20);
        state(history, k1, CN, 25);
        state(history, k1, US, 30);
        state(history, k1, ASEAN, 35);
        state(history, k1, ASEAN, 36);
        acknowledge(history, k2, CN, 45);
        history.channel(k2, new MajorPowerChannelClosed(k2, c2, ChannelOutcome.NO_CONSENSUS, "no common ground"),
                at(50));
        history.crisis(c2, new PowerTrackClosed(c2, k2, ChannelOutcome.NO_CONSENSUS), at(50));
        acknowledge(history, k3, RU, 60);
        history.channel(k1, new ChannelAcknowledgementOverdue(k1, US, at(70)), at(70));
        history.channel(k1, new ChannelAcknowledgementOverdue(k1, ASEAN, at(70)), at(70));
        acknowledge(history, k3, US, 80);
        state(history, k3, US, 85);
        state(history, k3, RU, 86);
        acknowledge(history, k1, US, 100, true);
        acknowledge(history, k4, RU, 140);
        acknowledge(history, k4, CN, 160);
        state(history, k4, CN, 165);
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static void refer(History history, CrisisId crisis, ReferralId referral, Organization organization,
                              int minute) {
        history.crisis(crisis, new CrisisReferredToOrganization(crisis, referral, organization, "take it up"),
                at(minute));
    }

    private static void acknowledge(History history, ChannelId channel, MajorPower participant, int minute) {
        acknowledge(history, channel, participant, minute, false);
    }

    private static void acknowledge(History history, ChannelId channel, MajorPower participant, int minute,
                                    boolean late) {
        history.channel(channel, new ChannelParticipationAcknowledged(channel, participant, late), at(minute));
    }

    private static void state(History history, ChannelId channel, MajorPower participant, int minute) {
        history.channel(channel, new PositionStatementSubmitted(channel, participant, "position at " + minute),
                at(minute));
    }

    private long nextSequenceOf(ChannelId channel) {
        Long last = jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ?", Long.class, channel.toString());
        return last == null ? 0 : last + 1;
    }

    private String aStateOfTheRegionNotYetAMember() {
        List<String> members = jdbc.queryForList("select state from read_model.mechanism_member", String.class);
        return RegionalReferenceData.current().statesOfTheRegion().stream().map(StateCode::code)
                .filter(state -> !members.contains(state)).findFirst().orElseThrow();
    }

    // --- reading ---------------------------------------------------------------------------------

    private JsonNode metrics() {
        Api.Answer answer = api.get("/api/metrics/coordination").send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode latencyOf(MajorPower power) {
        return find(measured.get("acknowledgementLatency"), "participant", power.name());
    }

    private List<Integer> counts(MajorPower power) {
        JsonNode latency = latencyOf(power);
        return List.of(latency.get("late").asInt(), latency.get("overdue").asInt(), latency.get("pending").asInt());
    }

    private JsonNode acceptance(Organization organization) {
        return find(measured.get("referralAcceptance"), "organization", organization.name());
    }

    private List<Integer> referrals(Organization organization) {
        JsonNode acceptance = acceptance(organization);
        return List.of(acceptance.get("referred").asInt(), acceptance.get("accepted").asInt(),
                acceptance.get("declined").asInt(), acceptance.get("pending").asInt());
    }

    private double rate(Organization organization) {
        JsonNode rate = acceptance(organization).get("acceptanceRate");
        assertThat(rate.isNumber()).as(organization + " has an acceptance rate").isTrue();
        return rate.asDouble();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return list(array).stream().filter(node -> value.equals(node.get(field).asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }

    private static Duration duration(JsonNode node, String field) {
        return Duration.parse(node.get(field).asText());
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
