package org.crisiscoordination.edge.store;

/** The Merkle log's tables, beside the event store's (see V3__merkle_log.sql). */
public final class MerkleLogSchema {

    public static final String LEAVES = EventStoreSchema.SCHEMA + ".merkle_leaf";
    public static final String KEYS = EventStoreSchema.SCHEMA + ".checkpoint_key";
    public static final String CHECKPOINTS = EventStoreSchema.SCHEMA + ".checkpoint";

    private MerkleLogSchema() {
    }
}
