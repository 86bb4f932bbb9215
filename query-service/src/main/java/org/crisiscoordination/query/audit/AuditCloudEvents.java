package org.crisiscoordination.query.audit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import org.crisiscoordination.kernel.store.AggregateTypes;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.function.BiConsumer;

/**
 * A stored event as a CloudEvents 1.0 event in structured JSON mode, carrying everything its hash
 * covers, so that an outside party can recheck the hash chains from an export alone (docs/api.md
 * names each attribute). The payload goes out as stored; absent metadata is an absent attribute.
 */
final class AuditCloudEvents {

    /** What an event type's simple name is prefixed with to make a CloudEvents {@code type}. */
    static final String TYPE_PREFIX = "org.crisiscoordination.";

    private static final EventFormat FORMAT = new JsonFormat();

    private AuditCloudEvents() {
    }

    static CloudEvent of(AuditEntry entry, String eventIdentifier) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(eventIdentifier)
                .withSource(source(entry))
                .withType(TYPE_PREFIX + entry.eventType())
                .withTime(OffsetDateTime.parse(entry.occurredAt()))
                .withSubject(entry.aggregateId())
                .withData("application/json", JsonCloudEventData.wrap(entry.payload()))
                // decimal strings: a CloudEvents Integer is 32-bit, positions are not; and the
                // documented Sequence extension is a String
                .withExtension("position", Long.toString(entry.position()))
                .withExtension("sequence", Long.toString(entry.sequence()))
                .withExtension("aggregatetype", entry.aggregateType());
        BiConsumer<String, String> optional = (name, value) -> {
            if (value != null) {
                event.withExtension(name, value);
            }
        };
        optional.accept("actor", entry.actor());
        optional.accept("onbehalfof", entry.onBehalfOf());
        optional.accept("commandid", entry.commandId());
        optional.accept("correlationid", entry.correlationId());
        optional.accept("causationid", entry.causationId());
        optional.accept("previoushash", entry.previousHash());
        optional.accept("hash", entry.hash());
        optional.accept("payloadrevision", entry.payloadRevision());
        return event.build();
    }

    /** One line of JSON: a stored payload is compact JSON, and the format writes no line breaks. */
    static byte[] json(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    /** The aggregate as a path of this API's shape: {@code /crises/{id}}, {@code /channels/{id}}. */
    private static URI source(AuditEntry entry) {
        String collection = switch (entry.aggregateType()) {
            case AggregateTypes.CRISIS -> "crises";
            case AggregateTypes.CHANNEL -> "channels";
            case AggregateTypes.MECHANISM -> "mechanism";
            default -> entry.aggregateType();
        };
        return URI.create("/" + collection + "/" + entry.aggregateId());
    }
}
