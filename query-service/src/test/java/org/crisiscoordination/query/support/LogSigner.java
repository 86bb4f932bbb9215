package org.crisiscoordination.query.support;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.MerkleLogSchema;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Does for the read side's tests what the command service's signer does: gives every stored event
 * its leaf (in position order) and signs a chained checkpoint with a key of its own, publishing
 * the public key where the query service reads it.
 */
public final class LogSigner {

    public static final String ORIGIN = "crisis-coordination/audit";

    private final JdbcTemplate jdbc;
    private final KeyPair pair;
    private final NoteKey key;

    public LogSigner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        try {
            this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.key = new NoteKey(ORIGIN, NoteKey.raw(pair.getPublic()));
        jdbc.update("insert into " + MerkleLogSchema.KEYS + " (key_id, name, public_key) values (?, ?, ?)"
                + " on conflict do nothing", key.keyId(), key.name(), key.publicKey());
    }

    public NoteKey key() {
        return key;
    }

    public KeyPair pair() {
        return pair;
    }

    public void assignLeaves() {
        jdbc.update("insert into " + MerkleLogSchema.LEAVES + " (leaf_index, global_index, event_hash)"
                + " select coalesce((select max(leaf_index) + 1 from " + MerkleLogSchema.LEAVES + "), 0)"
                + " + row_number() over (order by global_index) - 1, global_index,"
                + " case when convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' ~ '^[0-9a-f]{64}$'"
                + " then decode(convert_from(meta_data, 'UTF8')::jsonb ->> 'hash', 'hex') else decode(repeat('00', 32), 'hex') end"
                + " from " + EventStoreSchema.EVENTS
                + " where global_index > (select coalesce(max(global_index), 0) from " + MerkleLogSchema.LEAVES + ")");
    }

    /** Assigns leaves, then signs and stores a checkpoint of the whole tree; answers its signed note. */
    public String sign() {
        assignLeaves();
        List<byte[]> leaves = jdbc.query("select event_hash from " + MerkleLogSchema.LEAVES + " order by leaf_index",
                (rs, row) -> MerkleTree.leafHash(rs.getBytes(1)));
        Long lastPosition = jdbc.queryForObject("select coalesce(max(global_index), 0) from " + MerkleLogSchema.LEAVES,
                Long.class);
        List<String> previousNote = jdbc.queryForList("select note from " + MerkleLogSchema.CHECKPOINTS
                + " order by tree_size desc limit 1", String.class);
        byte[] previous = previousNote.isEmpty() ? null : Checkpoint.noteHash(previousNote.get(0));
        Checkpoint checkpoint = new Checkpoint(ORIGIN, leaves.size(), MerkleTree.root(leaves),
                lastPosition == null ? 0 : lastPosition, Instant.now().truncatedTo(ChronoUnit.MILLIS), previous);
        String note = SignedNote.sign(checkpoint.body(), key, pair.getPrivate());
        jdbc.update("insert into " + MerkleLogSchema.CHECKPOINTS + " (tree_size, last_position, root_hash, signed_at,"
                        + " key_id, previous_hash, note) values (?, ?, ?, ?, ?, ?, ?)", checkpoint.treeSize(),
                checkpoint.lastPosition(), checkpoint.rootHash(), java.sql.Timestamp.from(checkpoint.time()),
                key.keyId(), previous, note);
        return note;
    }
}
