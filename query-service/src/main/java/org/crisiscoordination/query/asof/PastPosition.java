package org.crisiscoordination.query.asof;

import org.crisiscoordination.edge.store.AppendWatermark;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an {@code asOf} parameter as a position of the store: a position as it is (at most the safe
 * position, below which no append is still in flight), or an ISO-8601 time as the position of the
 * last event stored at or before it (0 when none was).
 */
@Component
public class PastPosition {

    private final JdbcClient db;
    private final AppendWatermark watermark;

    PastPosition(JdbcClient db, AppendWatermark watermark) {
        this.db = db;
        this.watermark = watermark;
    }

    /** The position {@code asOf} names; an {@link InvalidValueException} (400) if it names none. */
    public long of(String asOf) {
        String text = asOf.trim();
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 19) {
            return Math.min(Long.parseLong(text), watermark.safePosition());
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new InvalidValueException("asOf", "must be a position (0 or more) or an ISO-8601 time with its offset");
        }
        // time_stamp holds the stored ISO text, UTC; comparing as timestamps keeps sub-second times right
        return db.sql("select coalesce(max(global_index), 0) from " + EventStoreSchema.EVENTS
                        + " where global_index <= ? and time_stamp::timestamptz <= ?")
                .params(watermark.safePosition(), time.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }
}
