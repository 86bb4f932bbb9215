package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.crisis.ReferralStatus;
import org.crisiscoordination.query.readmodel.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/** Reads the crisis board's tables (of the set it serves) into {@link CrisisView}s. */
@Repository
class CrisisBoardRepository {

    private static final String SELECT = "select c.*, exists (select 1 from board_agenda_topic t where t.topic = c.topic)"
            + " as on_agenda_now from crisis c";

    private final JdbcClient db;
    private final ReadModels readModels;
    private final Clock clock;

    CrisisBoardRepository(JdbcClient db, ReadModels readModels, Clock clock) {
        this.db = db;
        this.readModels = readModels;
        this.clock = clock;
    }

    record Page(List<CrisisView> items, int page, int size, long totalItems) {
    }

    Optional<CrisisView> find(UUID crisisId) {
        return readModels.read(CrisisBoardProjection.NAME, () -> {
            List<Row> rows = db.sql(SELECT + " where c.crisis_id = ?").param(crisisId).query(this::row).list();
            return complete(rows).stream().findFirst();
        });
    }

    Page list(CrisisBoardQuery query) {
        return readModels.read(CrisisBoardProjection.NAME, () -> page(query));
    }

    private Page page(CrisisBoardQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.status() != null) {
            where.append(" and c.status = ?");
            params.add(query.status().name());
        }
        if (query.minSeverity() != null) {
            where.append(" and c.severity >= ?");
            params.add(query.minSeverity().value());
        }
        if (query.topic() != null) {
            where.append(" and c.topic = ?");
            params.add(query.topic().name());
        }
        if (query.organization() != null) {
            where.append(" and exists (select 1 from crisis_referral r where r.crisis_id = c.crisis_id and r.organization = ?)");
            params.add(query.organization().name());
        }
        if (query.state() != null) {
            where.append(" and c.involved_states @> array[?]::varchar(2)[]");
            params.add(query.state().code());
        }
        if (query.track() != null) {
            String power = "c.channel_id is not null";
            String mechanism = "exists (select 1 from crisis_referral r where r.crisis_id = c.crisis_id and r.status <> '"
                    + ReferralStatus.DECLINED.name() + "')";
            where.append(switch (query.track()) {
                case POWER -> " and " + power + " and not " + mechanism;
                case MECHANISM -> " and not " + power + " and " + mechanism;
                case BOTH -> " and " + power + " and " + mechanism;
                case NONE -> " and not " + power + " and not " + mechanism;
            });
        }
        long total = db.sql("select count(*) from crisis c" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<Row> rows = db.sql(SELECT + where
                        + " order by c.last_activity_at desc, c.crisis_id limit ? offset ?")
                .params(pageParams).query(this::row).list();
        return new Page(complete(rows), query.page(), query.size(), total);
    }

    /** A crisis row, which becomes a view once its referrals and involvements are joined in. */
    private record Row(UUID crisisId, BiFunction<List<CrisisView.Referral>, List<CrisisView.Involvement>, CrisisView> view) {
    }

    private List<CrisisView> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::crisisId).toArray(UUID[]::new);
        Map<UUID, List<CrisisView.Referral>> referrals = new LinkedHashMap<>();
        db.sql("select * from crisis_referral where crisis_id = any(?) order by referred_at, referral_id").param(ids)
                .query((rs, n) -> Map.entry(rs.getObject("crisis_id", UUID.class), referral(rs))).list()
                .forEach(e -> referrals.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<CrisisView.Involvement>> involvements = new LinkedHashMap<>();
        db.sql("select * from crisis_minilateral_involvement where crisis_id = any(?) order by sequence").param(ids)
                .query((rs, n) -> Map.entry(rs.getObject("crisis_id", UUID.class), new CrisisView.Involvement(
                        rs.getString("bloc"), rs.getString("description"), instant(rs, "recorded_at")))).list()
                .forEach(e -> involvements.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(row -> row.view().apply(referrals.getOrDefault(row.crisisId(), List.of()),
                involvements.getOrDefault(row.crisisId(), List.of()))).toList();
    }

    private Row row(ResultSet rs, int rowNumber) throws SQLException {
        UUID crisisId = rs.getObject("crisis_id", UUID.class);
        String title = rs.getString("title");
        String hotspot = rs.getString("hotspot");
        String topic = rs.getString("topic");
        int tier = rs.getInt("tier");
        int severity = rs.getInt("severity");
        String status = rs.getString("status");
        List<String> involvedStates = states(rs.getArray("involved_states"));
        String summary = rs.getString("summary");
        boolean onAgendaNow = rs.getBoolean("on_agenda_now");
        CrisisView.Agenda agenda = new CrisisView.Agenda(rs.getBoolean("on_agenda_at_raise"), onAgendaNow, !onAgendaNow);
        Instant raisedAt = instant(rs, "raised_at");
        Duration age = Duration.between(raisedAt, clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        Instant lastActivityAt = instant(rs, "last_activity_at");
        long version = rs.getLong("version");
        Instant resolvedAt = instant(rs, "resolved_at");
        String resolution = rs.getString("resolution");
        CrisisView.PowerTrack powerTrack = powerTrack(rs);
        return new Row(crisisId, (referrals, involvements) -> {
            boolean mechanismEngaged = referrals.stream()
                    .anyMatch(r -> !ReferralStatus.DECLINED.name().equals(r.status()));
            return new CrisisView(crisisId.toString(), title, hotspot, topic, tier, severity, status, involvedStates,
                    summary, agenda, raisedAt, age, lastActivityAt, version, resolvedAt, resolution, powerTrack,
                    new CrisisView.MechanismTrack(mechanismEngaged, referrals),
                    mechanismEngaged && powerTrack.engaged(), involvements);
        });
    }

    private static CrisisView.PowerTrack powerTrack(ResultSet rs) throws SQLException {
        UUID channelId = rs.getObject("channel_id", UUID.class);
        return new CrisisView.PowerTrack(channelId != null, channelId == null ? null : channelId.toString(),
                rs.getString("channel_status"), rs.getString("channel_outcome"),
                states(rs.getArray("channel_acknowledged_by")).size(), rs.getInt("channel_participants"),
                rs.getString("joint_statement"));
    }

    private static CrisisView.Referral referral(ResultSet rs) throws SQLException {
        return new CrisisView.Referral(rs.getObject("referral_id", UUID.class).toString(), rs.getString("organization"),
                rs.getString("status"), rs.getString("mandate"), instant(rs, "referred_at"),
                instant(rs, "answered_at"), rs.getString("decline_reason"), rs.getString("findings"),
                rs.getString("recommendation"), instant(rs, "reported_at"));
    }

    private static List<String> states(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
