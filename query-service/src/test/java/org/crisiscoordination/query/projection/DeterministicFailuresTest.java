package org.crisiscoordination.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only failures that every retry would repeat are parked; the rest fail the batch, to be retried. */
class DeterministicFailuresTest {

    private final DeterministicFailures policy = new DeterministicFailures();
    private final DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("sequence",
            GenericEventMessage.asEventMessage("payload"));

    @Test
    void parksDataPostgreSqlRefuses() {
        Exception nul = new DataIntegrityViolationException("insert",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(policy.decide(letter, nul).shouldEnqueue()).isTrue();
    }

    @Test
    void parksABrokenConstraint() {
        Exception check = new DataIntegrityViolationException("insert", new SQLException("check", "23514"));

        assertThat(policy.decide(letter, check).shouldEnqueue()).isTrue();
    }

    @Test
    void parksAPayloadThatCannotBeDeserialised() {
        assertThat(policy.decide(letter, new SerializationException("unreadable")).shouldEnqueue()).isTrue();
    }

    @Test
    void rethrowsAnOutageSoThatTheBatchIsRetried() {
        Exception outage = new DataAccessResourceFailureException("connect",
                new SQLException("connection refused", "08001"));

        assertThatThrownBy(() -> policy.decide(letter, outage)).isSameAs(outage);
    }

    @Test
    void rethrowsACheckedFailureWrapped() {
        Exception checked = new IOException("socket closed");

        assertThatThrownBy(() -> policy.decide(letter, checked)).hasCause(checked);
    }

    @Test
    void rethrowsAFailureOutsideASavepointEvenOfDataPostgreSqlRefuses() {
        Exception nul = new DataIntegrityViolationException("insert",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        Exception outside = new HandlerSavepoints.RetryWithSavepoint(nul);

        assertThatThrownBy(() -> policy.decide(letter, outside)).isSameAs(outside);
    }
}
