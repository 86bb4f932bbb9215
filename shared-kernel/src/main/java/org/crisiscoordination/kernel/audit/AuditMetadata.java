package org.crisiscoordination.kernel.audit;

/**
 * The metadata keys every stored event carries: who acted, for whom, by which command, in which
 * conversation, and its link in the per-aggregate hash chain.
 */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String COMMAND_ID = "commandId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";

    /** The actor of what the system does on its own, such as a deadline firing. */
    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
