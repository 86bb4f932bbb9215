package org.crisiscoordination.query.hotspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.readmodel.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Every access to the heat map's table ({@code hotspot_crisis}), for the projection that folds it
 * and the endpoint that reads it. It is kept here alone so that the table's name and shape change
 * in one place.
 */
@Repository
class HotspotHeatMapRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final double SECONDS_A_DAY = 86_400.0;

    private final JdbcClient db;
    private final ReadModels readModels;

    HotspotHeatMapRepository(JdbcClient db, ReadModels readModels) {
        this.readModels = readModels;
        this.db = db;
    }

    record HeatMapPage(List<HotspotHeat> items, int page, int size, long totalItems) {
    }

    /** A crisis raised: its row, unless it has one already. */
    void add(CrisisHeat crisis) {
        db.sql("""
                        insert into hotspot_crisis (crisis_id, hotspot, topic, peak_severity, channels_convened, referrals,
                                                    raised_at, resolved_at, version)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        on conflict (crisis_id) do nothing""")
                .params(crisis.crisisId(), crisis.hotspot(), crisis.topic().name(), crisis.peakSeverity(),
                        crisis.channelsConvened(), json(crisis.referrals()), utc(crisis.raisedAt()),
                        utc(crisis.resolvedAt()), crisis.version())
                .update();
    }

    /** Folds a step into a crisis's row; a crisis the heat map never saw raised is left alone. */
    void change(UUID crisisId, UnaryOperator<CrisisHeat> step) {
        find(crisisId).ifPresent(before -> {
            CrisisHeat after = step.apply(before);
            if (after.version() > before.version()) {
                db.sql("""
                                update hotspot_crisis set peak_severity = ?, channels_convened = ?, referrals = ?::jsonb,
                                       resolved_at = ?, version = ?
                                where crisis_id = ? and version < ?""")
                        .params(after.peakSeverity(), after.channelsConvened(), json(after.referrals()),
                                utc(after.resolvedAt()), after.version(), crisisId, after.version())
                        .update();
            }
        });
    }

    void clear() {
        db.sql("truncate hotspot_crisis").update();
    }

    Optional<CrisisHeat> find(UUID crisisId) {
        return db.sql("select * from hotspot_crisis where crisis_id = ?").param(crisisId)
                .query(HotspotHeatMapRepository::crisis).optional();
    }

    /**
     * The cells that pass the filters, most crises first; days open are counted up to {@code now}.
     * Topic and hotspot filter the crises; minimum severity and organisation filter the cells.
     */
    HeatMapPage list(HotspotHeatMapQuery query, Instant now) {
        return readModels.read(HotspotHeatMapProjection.NAME, () -> cells(query, now));
    }

    private HeatMapPage cells(HotspotHeatMapQuery query, Instant now) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.hotspot() != null) {
            where.append(" and hotspot = ?");
            params.add(query.hotspot());
        }
        if (query.topic() != null) {
            where.append(" and topic = ?");
            params.add(query.topic().name());
        }
        StringBuilder having = new StringBuilder(" having true");
        if (query.minSeverity() != null) {
            having.append(" and max(peak_severity) >= ?");
            params.add(query.minSeverity().value());
        }
        if (query.organization() != null) {
            having.append(" and bool_or((referrals ->> ?) is not null)");
            params.add(query.organization().name());
        }
        String cells = "from hotspot_crisis" + where + " group by hotspot, topic" + having;
        long total = db.sql("select count(*) from (select 1 " + cells + ") matching").params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>();
        pageParams.add(utc(now));
        pageParams.addAll(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<HotspotHeat> items = db.sql("""
                        with cell as (
                            select hotspot, topic, count(*) as crises, count(*) filter (where resolved_at is null) as open_crises,
                                   max(peak_severity) as peak_severity, sum(channels_convened) as channels_convened,
                                   sum(greatest(extract(epoch from coalesce(resolved_at, ?) - raised_at), 0)) as seconds_open
                            %s
                            order by crises desc, peak_severity desc, hotspot, topic
                            limit ? offset ?)
                        select cell.*, (select coalesce(jsonb_object_agg(organization, referrals), '{}')
                                        from (select r.key as organization, sum(r.value::int) as referrals
                                              from hotspot_crisis h, jsonb_each_text(h.referrals) r
                                              where h.hotspot = cell.hotspot and h.topic = cell.topic
                                              group by r.key) counted) as referrals
                        from cell
                        order by crises desc, peak_severity desc, hotspot, topic""".formatted(cells))
                .params(pageParams).query(HotspotHeatMapRepository::cell).list();
        return new HeatMapPage(items, query.page(), query.size(), total);
    }

    private static HotspotHeat cell(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> counted = counts(rs.getString("referrals"));
        Map<String, Long> referrals = new LinkedHashMap<>();
        for (Organization organization : Organization.values()) {
            referrals.put(organization.name(), (long) counted.getOrDefault(organization.name(), 0));
        }
        double days = rs.getDouble("seconds_open") / SECONDS_A_DAY;
        return new HotspotHeat(rs.getString("hotspot"), rs.getString("topic"), rs.getLong("crises"),
                rs.getLong("open_crises"), rs.getInt("peak_severity"), rs.getLong("channels_convened"), referrals,
                Math.round(days * 10) / 10.0);
    }

    private static CrisisHeat crisis(ResultSet rs, int row) throws SQLException {
        Map<Organization, Integer> referrals = new EnumMap<>(Organization.class);
        counts(rs.getString("referrals")).forEach((name, count) -> referrals.put(Organization.valueOf(name), count));
        return new CrisisHeat(rs.getObject("crisis_id", UUID.class), rs.getString("hotspot"),
                SecurityTopic.valueOf(rs.getString("topic")), rs.getInt("peak_severity"),
                rs.getInt("channels_convened"), referrals, instant(rs.getTimestamp("raised_at")),
                instant(rs.getTimestamp("resolved_at")), rs.getLong("version"));
    }

    private static Map<String, Integer> counts(String json) {
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Map<Organization, Integer> referrals) {
        try {
            return JSON.writeValueAsString(referrals);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
