package org.crisiscoordination.query.metrics;

import org.crisiscoordination.kernel.crisis.ReferralStatus;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.RegionalReferenceData;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.board.CrisisBoardProjection;
import org.crisiscoordination.query.channel.ChannelStatus;
import org.crisiscoordination.query.channel.ChannelViewProjection;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.readmodel.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Computes the coordination metrics from the read models of the board, the channels and the
 * mechanism: a query over projections rather than a projection of its own, so it can never
 * disagree with them. Each projection's tables are read from the set it serves, so no query joins
 * the tables of two projections.
 */
@Repository
class CoordinationMetricsRepository {

    private final JdbcClient db;
    private final ReadModels readModels;

    CoordinationMetricsRepository(JdbcClient db, ReadModels readModels) {
        this.db = db;
        this.readModels = readModels;
    }

    CoordinationMetrics measure() {
        return new CoordinationMetrics(timeToConvene(),
                readModels.read(ChannelViewProjection.NAME, this::acknowledgementLatency),
                readModels.read(CrisisBoardProjection.NAME, this::referralAcceptance),
                readModels.read(SecurityMechanismProjection.NAME, this::agendaCoverage),
                readModels.read(SecurityMechanismProjection.NAME, this::inclusiveness),
                readModels.read(ChannelViewProjection.NAME, this::voiceBalance));
    }

    /** Channels convened, from the channel view; the crises' raising, from the board. */
    private CoordinationMetrics.Durations timeToConvene() {
        List<Map.Entry<UUID, OffsetDateTime>> convened = readModels.read(ChannelViewProjection.NAME,
                () -> db.sql("select crisis_id, convened_at from channel").query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class))).list());
        UUID[] crises = convened.stream().map(Map.Entry::getKey).distinct().toArray(UUID[]::new);
        Map<UUID, OffsetDateTime> raised = readModels.read(CrisisBoardProjection.NAME,
                () -> db.sql("select crisis_id, raised_at from crisis where crisis_id = any(?)").param(crises)
                        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                                rs.getObject(2, OffsetDateTime.class))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        return durations(convened.stream().filter(channel -> raised.containsKey(channel.getKey()))
                .map(channel -> (double) Duration.between(raised.get(channel.getKey()), channel.getValue()).toNanos() / 1e6)
                .toList());
    }

    private List<CoordinationMetrics.PowerLatency> acknowledgementLatency() {
        List<CoordinationMetrics.PowerLatency> latencies = new ArrayList<>();
        for (MajorPower power : MajorPower.values()) {
            List<Double> millis = db.sql("""
                            select extract(epoch from (p.acknowledged_at - ch.convened_at)) * 1000
                            from channel_participant p join channel ch on ch.channel_id = p.channel_id
                            where p.participant = ? and p.acknowledged_at is not null""")
                    .param(power.name()).query(Double.class).list();
            Map<String, Object> counts = db.sql("""
                            select count(*) filter (where p.late) as late,
                                   count(*) filter (where p.overdue_at is not null) as overdue,
                                   count(*) filter (where p.acknowledged_at is null and ch.status = ?) as pending
                            from channel_participant p join channel ch on ch.channel_id = p.channel_id
                            where p.participant = ?""")
                    .params(ChannelStatus.OPEN.name(), power.name()).query().singleRow();
            latencies.add(new CoordinationMetrics.PowerLatency(power.name(), durations(millis), count(counts, "late"),
                    count(counts, "overdue"), count(counts, "pending")));
        }
        return latencies;
    }

    private List<CoordinationMetrics.ReferralAcceptance> referralAcceptance() {
        List<CoordinationMetrics.ReferralAcceptance> rates = new ArrayList<>();
        for (Organization organization : Organization.values()) {
            Map<String, Object> counts = db.sql("""
                            select count(*) as referred,
                                   count(*) filter (where status in (?, ?)) as accepted,
                                   count(*) filter (where status = ?) as declined,
                                   count(*) filter (where status = ?) as pending
                            from crisis_referral where organization = ?""")
                    .params(ReferralStatus.ACCEPTED.name(), ReferralStatus.OUTCOME_REPORTED.name(),
                            ReferralStatus.DECLINED.name(), ReferralStatus.PENDING.name(), organization.name()).query().singleRow();
            int accepted = count(counts, "accepted");
            int declined = count(counts, "declined");
            rates.add(new CoordinationMetrics.ReferralAcceptance(organization.name(), count(counts, "referred"),
                    accepted, declined, count(counts, "pending"),
                    accepted + declined == 0 ? null : (double) accepted / (accepted + declined)));
        }
        return rates;
    }

    private List<CoordinationMetrics.TierCoverage> agendaCoverage() {
        Set<String> admitted = Set.copyOf(db.sql("select topic from mechanism_topic").query(String.class).list());
        List<CoordinationMetrics.TierCoverage> tiers = new ArrayList<>();
        for (int tier = 1; tier <= SecurityTopic.HIGHEST_TIER; tier++) {
            int level = tier;
            List<SecurityTopic> topics = Arrays.stream(SecurityTopic.values()).filter(t -> t.tier() == level).toList();
            int agreed = (int) topics.stream().filter(t -> admitted.contains(t.name())).count();
            tiers.add(new CoordinationMetrics.TierCoverage(tier, agreed, topics.size(), (double) agreed / topics.size()));
        }
        return tiers;
    }

    private CoordinationMetrics.Inclusiveness inclusiveness() {
        Set<String> region = RegionalReferenceData.current().statesOfTheRegion().stream()
                .map(StateCode::code).collect(Collectors.toSet());
        int members = (int) db.sql("select state from mechanism_member").query(String.class).list().stream()
                .filter(region::contains).count();
        return new CoordinationMetrics.Inclusiveness(members, region.size(), (double) members / region.size());
    }

    private List<CoordinationMetrics.Voice> voiceBalance() {
        Map<String, Integer> statements = db.sql("select participant, count(*) from channel_statement group by participant")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int total = statements.values().stream().mapToInt(Integer::intValue).sum();
        return Arrays.stream(MajorPower.values()).map(power -> {
            int made = statements.getOrDefault(power.name(), 0);
            return new CoordinationMetrics.Voice(power.name(), made, total == 0 ? 0 : (double) made / total);
        }).toList();
    }

    private static CoordinationMetrics.Durations durations(List<Double> millis) {
        if (millis.isEmpty()) {
            return new CoordinationMetrics.Durations(0, null, null, null);
        }
        List<Long> sorted = millis.stream().map(Math::round).sorted().toList();
        long average = Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
        int middle = sorted.size() / 2;
        long median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new CoordinationMetrics.Durations(sorted.size(), Duration.ofMillis(average), Duration.ofMillis(median),
                Duration.ofMillis(sorted.get(sorted.size() - 1)));
    }

    private static int count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }
}
