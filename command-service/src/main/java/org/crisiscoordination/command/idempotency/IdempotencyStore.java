package org.crisiscoordination.command.idempotency;

import org.crisiscoordination.command.config.CommandServiceProperties;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Answers of writes sent with an {@code Idempotency-Key}, in PostgreSQL so that they hold across
 * restarts and instances. A key is scoped to its caller (the actor of the token: issuer and subject),
 * method and path, so that one caller's key never answers another's request. It must be claimed inside the
 * transaction that appends the write's events, so that a refused write leaves no claim and a
 * concurrent retry waits for the first attempt's outcome.
 */
@Component
public class IdempotencyStore {

    /** The answer given the first time, and a digest of the request it answered. */
    public record StoredAnswer(String requestHash, int status, String location, String answer) {
    }

    /** An idempotency key names one request; this one came with another body. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException() {
            super("this Idempotency-Key was used before with a different request body; use a new key for a new request");
        }
    }

    private static final String TABLE = EventStoreSchema.SCHEMA + ".idempotency_key";

    private final JdbcTemplate jdbc;
    private final long retentionSeconds;

    public IdempotencyStore(JdbcTemplate jdbc, CommandServiceProperties properties) {
        this.jdbc = jdbc;
        this.retentionSeconds = properties.writes().idempotencyRetention().toSeconds();
    }

    /**
     * Claims a key for this request, or gives the answer stored for it. Blocks while another
     * transaction holds an uncommitted claim on the same key.
     *
     * @throws KeyReusedException if the key was used for another body
     */
    public Optional<StoredAnswer> claim(String caller, String key, String method, String path, String requestHash) {
        jdbc.update("delete from " + TABLE + " where caller = ? and idempotency_key = ? and method = ? and path = ?"
                + " and created_at < now() - make_interval(secs => ?)", caller, key, method, path, retentionSeconds);
        int claimed = jdbc.update("insert into " + TABLE + " (caller, idempotency_key, method, path, request_hash)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing", caller, key, method, path, requestHash);
        if (claimed == 1) {
            return Optional.empty();
        }
        List<StoredAnswer> stored = jdbc.query(
                "select request_hash, status, location, answer from " + TABLE + ""
                        + " where caller = ? and idempotency_key = ? and method = ? and path = ?",
                (rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                caller, key, method, path);
        if (stored.isEmpty()) {
            // its expiry was cleaned up between our insert and our read: claim it afresh
            return claim(caller, key, method, path, requestHash);
        }
        StoredAnswer answer = stored.get(0);
        if (!answer.requestHash().equals(requestHash)) {
            throw new KeyReusedException();
        }
        return Optional.of(answer);
    }

    /** Stores the answer to a claimed key, in the claiming transaction. */
    public void store(String caller, String key, String method, String path, int status, String location, String answer) {
        jdbc.update("update " + TABLE + " set status = ?, location = ?, answer = ?"
                + " where caller = ? and idempotency_key = ? and method = ? and path = ?",
                status, location, answer, caller, key, method, path);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.update("delete from " + TABLE + " where created_at < now() - make_interval(secs => ?)", retentionSeconds);
    }
}
