package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.CompactRange;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one signer of the Merkle log: it gives new events their leaf index, in position order and
 * only up to the {@link SafePosition}, and signs checkpoints, periodically when the log has grown
 * and on demand. In a cluster only the instance holding a PostgreSQL advisory lock does either,
 * so leaves are assigned and checkpoints chained by one writer at a time. Before it signs, it
 * recomputes the tree from the stored leaves and refuses if they no longer yield the last
 * checkpoint's root: it never signs over a log that was changed behind its back.
 */
@Component
public class CheckpointSigner {

    /** An arbitrary constant naming the lock: "merkle" in ASCII. */
    static final long LOG_LOCK = 0x6d65726b6c65L;
    /** Leaves assigned per statement, so that a large backlog never runs into the statement timeout. */
    private static final int BATCH = 50_000;

    /** What a leaf records for an event that carries no well-formed hash. */
    static final byte[] NO_HASH = new byte[MerkleTree.HASH_BYTES];

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);
    private static final HexFormat HEX = HexFormat.of();

    /** A checkpoint, and whether this call signed it (or found the log had not grown since). */
    public record Signed(StoredCheckpoint checkpoint, boolean created) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SafePosition safe;
    /** Null on an instance that is not the signer. */
    private final SigningKey key;
    private final String origin;

    CheckpointSigner(JdbcTemplate jdbc, PlatformTransactionManager transactions, SafePosition safe,
                     CheckpointProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.safe = safe;
        this.key = properties.signer() ? SigningKey.load(properties.keyFile(), properties.origin()) : null;
        this.origin = properties.origin();
    }

    /** Signs a checkpoint now unless the latest one already covers the whole (safe) log; waits for another signer. */
    public Signed signNow() {
        if (key == null) {
            throw new NotTheSignerException();
        }
        return transaction.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, LOG_LOCK);
            return sign(true);
        });
    }

    @Scheduled(fixedDelayString = "${crisis.checkpoints.interval:PT1M}",
            initialDelayString = "${crisis.checkpoints.interval:PT1M}")
    void signPeriodically() {
        if (key == null) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (tryLock()) {
                    Signed signed = sign(false);
                    if (signed != null && signed.created()) {
                        LOG.info("Signed checkpoint of tree size {}", signed.checkpoint().treeSize());
                    }
                }
            });
        } catch (DataAccessException e) {
            LOG.warn("Could not sign a checkpoint now: {}", e.getMessage());
        } catch (LogTamperedException e) {
            LOG.error("Refused to sign a checkpoint: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${crisis.checkpoints.leaf-interval:PT1S}")
    void assignLeavesPeriodically() {
        if (key == null) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (tryLock()) {
                    assignLeaves();
                }
            });
        } catch (DataAccessException e) {
            LOG.warn("Could not assign leaves now: {}", e.getMessage());
        }
    }

    private boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOG_LOCK));
    }

    /**
     * Gives every event up to the safe position that has none the next leaf index, in position
     * order; the leaf keeps the event's chain hash as raw bytes. An event without a well-formed hash
     * (one the system did not store) is logged all the same, with {@link #NO_HASH}, so that it can
     * never stop the log; verification reports it.
     */
    private void assignLeaves() {
        long upTo = safe.safePosition();
        while (true) {
            Map<String, Object> last = jdbc.queryForMap("select coalesce(max(leaf_index), -1) as leaf,"
                    + " coalesce(max(global_index), 0) as position from " + MerkleLogSchema.LEAVES);
            long nextLeaf = ((Number) last.get("leaf")).longValue() + 1;
            long after = ((Number) last.get("position")).longValue();
            int assigned = jdbc.update("insert into " + MerkleLogSchema.LEAVES + " (leaf_index, global_index, event_hash)"
                    + " select ? + row_number() over (order by global_index) - 1, global_index,"
                    + " case when hash ~ '^[0-9a-f]{64}$' then decode(hash, 'hex') else ? end"
                    + " from (select global_index, convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' as hash from "
                    + EventStoreSchema.EVENTS
                    + " where global_index > ? and global_index <= ? order by global_index limit ?) batch",
                    nextLeaf, NO_HASH, after, upTo, BATCH);
            if (assigned < BATCH) {
                return;
            }
        }
    }

    private Signed sign(boolean onDemand) {
        jdbc.update("insert into " + MerkleLogSchema.KEYS + " (key_id, name, public_key) values (?, ?, ?)"
                + " on conflict (key_id) do nothing", key.publicKey().keyId(), key.publicKey().name(),
                key.publicKey().publicKey());
        assignLeaves();
        Optional<Map<String, Object>> latest = jdbc.queryForList("select tree_size, root_hash, note from "
                + MerkleLogSchema.CHECKPOINTS + " order by tree_size desc limit 1").stream().findFirst();
        long latestSize = latest.map(row -> ((Number) row.get("tree_size")).longValue()).orElse(-1L);

        CompactRange tree = new CompactRange();
        long[] lastPosition = {0};
        byte[][] rootAtLatest = {latestSize == 0 ? MerkleTree.emptyRoot() : null};
        jdbc.query("select leaf_index, global_index, event_hash from " + MerkleLogSchema.LEAVES + " order by leaf_index",
                rs -> {
                    if (rs.getLong(1) != tree.size()) {
                        throw new LogTamperedException("leaf " + tree.size() + " is missing");
                    }
                    tree.append(MerkleTree.leafHash(rs.getBytes(3)));
                    lastPosition[0] = rs.getLong(2);
                    if (tree.size() == latestSize) {
                        rootAtLatest[0] = tree.root();
                    }
                });
        if (latest.isPresent()) {
            byte[] signedRoot = (byte[]) latest.get().get("root_hash");
            if (rootAtLatest[0] == null || !Arrays.equals(rootAtLatest[0], signedRoot)) {
                throw new LogTamperedException("the stored leaves no longer yield the root of the checkpoint of tree size "
                        + latestSize + "; run GET /api/audit/verify on the query service");
            }
            if (tree.size() == latestSize) {
                return new Signed(read(latestSize), false);
            }
        } else if (tree.size() == 0 && !onDemand) {
            return null;
        }
        byte[] previous = latest.map(row -> Checkpoint.noteHash((String) row.get("note"))).orElse(null);
        Checkpoint checkpoint = new Checkpoint(origin, tree.size(), tree.root(), lastPosition[0],
                Instant.now().truncatedTo(ChronoUnit.MILLIS), previous);
        String note = SignedNote.sign(checkpoint.body(), key.publicKey(), key.privateKey());
        jdbc.update("insert into " + MerkleLogSchema.CHECKPOINTS + " (tree_size, last_position, root_hash, signed_at,"
                        + " key_id, previous_hash, note) values (?, ?, ?, ?, ?, ?, ?)",
                checkpoint.treeSize(), checkpoint.lastPosition(), checkpoint.rootHash(),
                java.sql.Timestamp.from(checkpoint.time()), key.publicKey().keyId(), previous, note);
        return new Signed(new StoredCheckpoint(checkpoint.treeSize(), checkpoint.lastPosition(),
                HEX.formatHex(checkpoint.rootHash()), checkpoint.time(), key.publicKey().keyId(),
                previous == null ? null : HEX.formatHex(previous), note), true);
    }

    private StoredCheckpoint read(long treeSize) {
        List<StoredCheckpoint> found = jdbc.query("select tree_size, last_position, root_hash, signed_at, key_id,"
                        + " previous_hash, note from " + MerkleLogSchema.CHECKPOINTS + " where tree_size = ?",
                (rs, row) -> new StoredCheckpoint(rs.getLong(1), rs.getLong(2), HEX.formatHex(rs.getBytes(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getBytes(6) == null ? null : HEX.formatHex(rs.getBytes(6)), rs.getString(7)), treeSize);
        return found.get(0);
    }
}
