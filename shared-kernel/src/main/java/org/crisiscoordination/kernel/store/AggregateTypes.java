package org.crisiscoordination.kernel.store;

/**
 * The aggregate types the event store's {@code type} column names: the simple names of the
 * command service's aggregate classes (a test there keeps them equal), for readers of the store
 * that cannot see those classes.
 */
public final class AggregateTypes {

    public static final String CRISIS = "Crisis";
    public static final String CHANNEL = "MajorPowerChannel";
    public static final String MECHANISM = "SecurityMechanism";

    private AggregateTypes() {
    }
}
