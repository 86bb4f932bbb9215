package org.crisiscoordination.query.replay;

import org.crisiscoordination.query.readmodel.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The projections' rows in {@code read_model.served_read_model}, shared by every instance of the service. */
@Component
class ServedVersions {

    private static final String COLUMNS = "select projection, served_set, version, state, requested_at, requested_by,"
            + " target_position, switched_at from read_model.served_read_model";

    private final JdbcTemplate jdbc;

    ServedVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row for each projection that has none yet: it serves set A, version 1. */
    void register(Collection<String> projections) {
        projections.forEach(projection -> jdbc.update(
                "insert into read_model.served_read_model (projection) values (?) on conflict do nothing", projection));
    }

    List<ServedVersion> all() {
        return jdbc.query(COLUMNS + " order by projection", ROW);
    }

    Optional<ServedVersion> of(String projection) {
        return jdbc.query(COLUMNS + " where projection = ?", ROW, projection).stream().findFirst();
    }

    /** The row, locked to the end of the caller's transaction. */
    Optional<ServedVersion> lock(String projection) {
        return jdbc.query(COLUMNS + " where projection = ? for update", ROW, projection).stream().findFirst();
    }

    void building(String projection, String requestedBy, long targetPosition) {
        jdbc.update("""
                update read_model.served_read_model set state = 'BUILDING', requested_at = now(), requested_by = ?,
                       target_position = ?
                where projection = ?""", requestedBy, targetPosition, projection);
    }

    void switchTo(ServedVersion building) {
        jdbc.update("""
                update read_model.served_read_model set served_set = ?, version = version + 1, state = 'RETIRING',
                       switched_at = now()
                where projection = ?""", building.other().name(), building.projection());
    }

    void idle(String projection) {
        jdbc.update("update read_model.served_read_model set state = 'IDLE' where projection = ?", projection);
    }

    private static final RowMapper<ServedVersion> ROW = (rs, row) -> new ServedVersion(rs.getString("projection"),
            TableSet.named(rs.getString("served_set")), rs.getLong("version"),
            ServedVersion.State.valueOf(rs.getString("state")), instant(rs.getTimestamp("requested_at")),
            rs.getString("requested_by"), (Long) rs.getObject("target_position"),
            instant(rs.getTimestamp("switched_at")));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
