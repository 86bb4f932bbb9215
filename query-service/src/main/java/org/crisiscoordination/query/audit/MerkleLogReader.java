package org.crisiscoordination.query.audit;

import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Merkle log the command service's signer keeps beside the event store: leaves (each
 * event's leaf index and chain hash), the signing keys' public halves, and the signed checkpoints.
 */
@Repository
class MerkleLogReader {

    /** A leaf of the tree: which event it is, and that event's chain hash as it was when logged. */
    record Leaf(long index, long position, byte[] eventHash) {
    }

    /** A stored checkpoint row; {@code note} is what was signed, the other columns repeat it. */
    record StoredCheckpoint(long treeSize, long lastPosition, byte[] rootHash, Instant signedAt, String keyId,
                            byte[] previous, String note) {
    }

    /** A public key as stored. */
    record StoredKey(String keyId, String name, byte[] publicKey, Instant createdAt) {
    }

    private static final String CHECKPOINT_COLUMNS = "select tree_size, last_position, root_hash, signed_at, key_id,"
            + " previous_hash, note from " + MerkleLogSchema.CHECKPOINTS;

    private final JdbcClient db;

    MerkleLogReader(JdbcClient db) {
        this.db = db;
    }

    long leafCount() {
        return db.sql("select coalesce(max(leaf_index), -1) + 1 from " + MerkleLogSchema.LEAVES).query(Long.class).single();
    }

    /** The first {@code treeSize} leaves, in leaf order. */
    List<Leaf> leaves(long treeSize) {
        return db.sql("select leaf_index, global_index, event_hash from " + MerkleLogSchema.LEAVES
                        + " where leaf_index < ? order by leaf_index")
                .param(treeSize).query(MerkleLogReader::leaf).list();
    }

    /** Every stored leaf row, in leaf order, gaps and all. */
    List<Leaf> allLeaves() {
        return db.sql("select leaf_index, global_index, event_hash from " + MerkleLogSchema.LEAVES
                + " order by leaf_index").query(MerkleLogReader::leaf).list();
    }

    Optional<Leaf> leafAt(long position) {
        return db.sql("select leaf_index, global_index, event_hash from " + MerkleLogSchema.LEAVES
                + " where global_index = ?").param(position).query(MerkleLogReader::leaf).optional();
    }

    /** Checkpoints, newest first. */
    List<StoredCheckpoint> checkpoints(int page, int size) {
        return db.sql(CHECKPOINT_COLUMNS + " order by tree_size desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(MerkleLogReader::checkpoint).list();
    }

    /** Every checkpoint, oldest (smallest) first. */
    List<StoredCheckpoint> allCheckpoints() {
        return db.sql(CHECKPOINT_COLUMNS + " order by tree_size, id").query(MerkleLogReader::checkpoint).list();
    }

    long checkpointCount() {
        return db.sql("select count(*) from " + MerkleLogSchema.CHECKPOINTS).query(Long.class).single();
    }

    List<StoredKey> keys() {
        return db.sql("select key_id, name, public_key, created_at from " + MerkleLogSchema.KEYS + " order by created_at, key_id")
                .query((rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    private static Leaf leaf(ResultSet rs, int row) throws SQLException {
        return new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getBytes(6), rs.getString(7));
    }
}
