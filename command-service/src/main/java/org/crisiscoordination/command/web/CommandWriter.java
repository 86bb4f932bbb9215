package org.crisiscoordination.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.crisiscoordination.command.config.CommandServiceProperties;
import org.crisiscoordination.command.idempotency.IdempotencyStore;
import org.crisiscoordination.command.store.AppendedEvents;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.audit.Sha256;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;

/**
 * Carries out a write: in one transaction it claims the idempotency key, checks {@code If-Match},
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

    public CommandWriter(CommandGateway commands, PlatformTransactionManager transactionManager, RetryTemplate lostRaceRetries,
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
    }

    public ResponseEntity<WriteAnswer> execute(WriteContext context, Write write) {
        String requestHash = requestHash(write.body());
        Answer answer = context.expectedVersion() == null
                ? retries.execute(attempt -> transactions.execute(status -> attempt(context, write, requestHash)))
                : transactions.execute(status -> attempt(context, write, requestHash));
        return answer.toResponse();
    }

    private Answer attempt(WriteContext context, Write write, String requestHash) {
        if (context.idempotencyKey() != null) {
            var earlier = idempotency.claim(context.idempotencyKey(), context.method(), context.path(), requestHash);
            if (earlier.isPresent()) {
                return Answer.replayOf(earlier.get(), json);
            }
        }
        checkPreconditions(context, write);
        send(write.createsAggregate() ? context.withoutExpectedVersion() : context, write);
        AppendedEvents.Appended last = appended.lastOf(write.aggregateId()).orElseThrow(() ->
                new IllegalStateException("the write appended nothing to " + write.aggregateId()));
        long position = appended.inCurrentTransaction().stream()
                .mapToLong(AppendedEvents.Appended::position).max().orElseThrow();
        WriteAnswer body = write.answer(last.sequence(), new ConsistencyToken(position).encode());
        URI location = write.creates() ? URI.create(queryServiceUrl + write.locationPath()) : null;
        Answer answer = new Answer(write.creates() ? HttpStatus.CREATED : HttpStatus.OK, location, body, false);
        if (context.idempotencyKey() != null) {
            idempotency.store(context.idempotencyKey(), context.method(), context.path(), answer.status().value(),
                    location == null ? null : location.toString(), toJson(body));
        }
        return answer;
    }

    /** A new aggregate needs an unused id; a write with If-Match needs the version it names. */
    private void checkPreconditions(WriteContext context, Write write) {
        if (write.createsAggregate()) {
            // the unique key would refuse a used id too, but only as a lost race
            versions.current(write.aggregateId()).ifPresent(taken -> {
                throw new RuleViolation(write.taken(), "the id " + write.aggregateId() + " is already used");
            });
        } else if (context.expectedVersion() != null) {
            versions.current(write.aggregateId(), write.aggregateType())
                    .filter(current -> current.longValue() != context.expectedVersion().longValue())
                    .ifPresent(current -> {
                        throw new VersionMismatchException(context.expectedVersion(), current);
                    });
        }
    }

    private void send(WriteContext context, Write write) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(write.command())
                    .andMetaData(context.commandMetaData()));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(write.missing());
        } catch (AggregateStreamCreationException e) {
            throw new RuleViolation(write.taken());
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

    private record Answer(HttpStatus status, URI location, WriteAnswer body, boolean replayed) {

        static Answer replayOf(IdempotencyStore.StoredAnswer stored, ObjectMapper json) {
            try {
                return new Answer(HttpStatus.valueOf(stored.status()),
                        stored.location() == null ? null : URI.create(stored.location()),
                        json.readValue(stored.answer(), WriteAnswer.class), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored answer is always readable", e);
            }
        }

        ResponseEntity<WriteAnswer> toResponse() {
            HttpHeaders headers = new HttpHeaders();
            if (location != null) {
                headers.setLocation(location);
            }
            if (replayed) {
                headers.set(Headers.IDEMPOTENT_REPLAYED, "true");
            }
            return new ResponseEntity<>(body, headers, status);
        }
    }
}
