package org.crisiscoordination.command.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.crisiscoordination.command.access.WriteRights;
import org.crisiscoordination.command.config.CommandServiceProperties;
import org.crisiscoordination.command.idempotency.IdempotencyStore;
import org.crisiscoordination.command.store.AppendedEvents;
import org.crisiscoordination.command.web.VersionMismatchException;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.audit.Sha256;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;

/**
 * Carries out a write: it refuses a caller acting for another party than it represents, then in
 * one transaction it claims the idempotency key, checks {@code If-Match},
 * sends the command (whose events Axon appends in that same transaction), and stores the answer.
 * A write that loses a race to a concurrent write on its aggregate is run again, a few times,
 * unless {@code If-Match} pinned the version it was meant for.
 */
@Component
public class CommandWriter {

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final RetryTemplate retries;
    private final IdempotencyStore idempotency;
    private final AppendedEvents appended;
    private final AggregateVersions versions;
    private final String queryServiceUrl;
    private final ObjectMapper json;
    private final WriteRights rights;

    public CommandWriter(WriteRights rights, CommandGateway commands, PlatformTransactionManager transactionManager, RetryTemplate lostRaceRetries,
                         IdempotencyStore idempotency, AppendedEvents appended, AggregateVersions versions,
                         CommandServiceProperties properties, ObjectMapper json) {
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
        this.retries = lostRaceRetries;
        this.idempotency = idempotency;
        this.appended = appended;
        this.versions = versions;
        // a base with a path of its own keeps it: the read model's path is appended, not resolved
        this.queryServiceUrl = properties.queryServiceUrl().toString().replaceAll("/+$", "");
        this.json = json;
        this.rights = rights;
    }

    /** Carries out the write and answers as its kind does. */
    public <R extends WriteResponse> R execute(WriteContext context, Write<R> write) {
        rights.checkParty(context.caller(), write.command());
        // a new aggregate has no version for If-Match to name
        WriteContext effective = write.kind().honoursIfMatch() ? context : context.withoutExpectedVersion();
        String requestHash = requestHash(write.body());
        return effective.expectedVersion() == null
                ? retries.execute(attempt -> transactions.execute(status -> attempt(effective, write, requestHash)))
                : transactions.execute(status -> attempt(effective, write, requestHash));
    }

    private <R extends WriteResponse> R attempt(WriteContext context, Write<R> write, String requestHash) {
        if (context.idempotencyKey() != null) {
            var earlier = idempotency.claim(context.caller().actor(), context.idempotencyKey(), context.method(),
                    context.path(), requestHash);
            if (earlier.isPresent()) {
                return replay(write.kind(), earlier.get());
            }
        }
        checkPreconditions(context, write);
        send(context, write);
        AppendedEvents.Appended last = appended.lastOf(write.aggregateId()).orElseThrow(() ->
                new IllegalStateException("the write appended nothing to " + write.aggregateId()));
        long position = appended.inCurrentTransaction().stream()
                .mapToLong(AppendedEvents.Appended::position).max().orElseThrow();
        WriteAnswer body = write.answer(last.sequence(), new ConsistencyToken(position).encode());
        URI location = write.kind().creates()
                ? URI.create(queryServiceUrl + write.written().readModelPath(write.aggregateId())) : null;
        if (context.idempotencyKey() != null) {
            idempotency.store(context.caller().actor(), context.idempotencyKey(), context.method(), context.path(),
                    write.kind().status().value(),
                    location == null ? null : location.toString(), toJson(body));
        }
        return write.kind().respond(body, location, false);
    }

    /** A new aggregate needs an unused id; a write with If-Match needs the version it names. */
    private void checkPreconditions(WriteContext context, Write<?> write) {
        if (write.kind() == WriteKind.CREATES_AGGREGATE) {
            // the unique key would refuse a used id too, but only as a lost race
            versions.current(write.aggregateId()).ifPresent(taken -> {
                throw new RuleViolation(write.written().alreadyExists(), "the id " + write.aggregateId() + " is already used");
            });
        } else if (context.expectedVersion() != null) {
            versions.current(write.aggregateId(), write.written().storedName())
                    .filter(current -> current.longValue() != context.expectedVersion().longValue())
                    .ifPresent(current -> {
                        throw new VersionMismatchException(context.expectedVersion(), current);
                    });
        }
    }

    private void send(WriteContext context, Write<?> write) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(write.command())
                    .andMetaData(context.commandMetaData()));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(write.addressed().notFound().orElseThrow(() -> e));
        } catch (AggregateStreamCreationException e) {
            if (write.kind() != WriteKind.CREATES_AGGREGATE) {
                throw e;
            }
            throw new RuleViolation(write.written().alreadyExists());
        }
    }

    private <R extends WriteResponse> R replay(WriteKind<R> kind, IdempotencyStore.StoredAnswer stored) {
        try {
            return kind.respond(json.readValue(stored.answer(), WriteAnswer.class),
                    stored.location() == null ? null : URI.create(stored.location()), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is always readable", e);
        }
    }

    private String requestHash(Object body) {
        return Sha256.hex(toJson(json.valueToTree(body == null ? "" : body)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers always serialise", e);
        }
    }
}
