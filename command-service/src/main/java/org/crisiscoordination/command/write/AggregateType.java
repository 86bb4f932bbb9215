package org.crisiscoordination.command.write;

import org.crisiscoordination.kernel.rules.Rule;

import java.util.Optional;

/**
 * The aggregates a write can address or create, with what the write path derives from each: the
 * rule named when it does not exist, the rule named when a new one's id is taken, and where the
 * query service serves its read model. The names are the aggregate classes' simple names, as the
 * event store records them (a test ties them to the classes, which this package cannot see).
 */
public enum AggregateType {

    CRISIS("Crisis", Rule.CRISIS_NOT_FOUND, Rule.CRISIS_ALREADY_EXISTS, "/api/crises/"),
    CHANNEL("MajorPowerChannel", Rule.CHANNEL_NOT_FOUND, Rule.CHANNEL_ALREADY_EXISTS, "/api/channels/"),
    /** The one mechanism is created by its first write, so it is never missing and never created by a write. */
    MECHANISM("SecurityMechanism", null, null, null);

    private final String storedName;
    private final Rule notFound;
    private final Rule alreadyExists;
    private final String readModelPath;

    AggregateType(String storedName, Rule notFound, Rule alreadyExists, String readModelPath) {
        this.storedName = storedName;
        this.notFound = notFound;
        this.alreadyExists = alreadyExists;
        this.readModelPath = readModelPath;
    }

    /** The type the event store records for this aggregate's events. */
    public String storedName() {
        return storedName;
    }

    Optional<Rule> notFound() {
        return Optional.ofNullable(notFound);
    }

    Rule alreadyExists() {
        if (alreadyExists == null) {
            throw new IllegalStateException("no write creates a " + storedName);
        }
        return alreadyExists;
    }

    /** The path of the read model of the aggregate with the id, in the query service. */
    String readModelPath(String id) {
        if (readModelPath == null) {
            throw new IllegalStateException("no write creates a " + storedName);
        }
        return readModelPath + id;
    }
}
