package org.crisiscoordination.command.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void aDuplicateKeyIsALostRace() {
        assertThat(resolver.isDuplicateKeyViolation(failure("23505"))).isTrue();
    }

    @Test
    void aDeadlockBetweenTwoAppendsIsALostRaceToo() {
        assertThat(resolver.isDuplicateKeyViolation(failure("40P01"))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(resolver.isDuplicateKeyViolation(failure("57014"))).isFalse(); // statement timeout
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("no SQL state"))).isFalse();
    }

    /** As the driver reports a failed batch insert, wrapped by the storage engine. */
    private static Exception failure(String sqlState) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", sqlState, 0, new int[0],
                new SQLException("ERROR", sqlState));
        return new EventStoreException("append failed", batch);
    }
}
