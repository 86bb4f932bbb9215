package org.crisiscoordination.kernel.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code MajorPowerChannelConvened} from its first form (stored without a revision) to revision 2:
 * {@code acknowledgeWithin} and {@code acknowledgeBy} move, unchanged, into one
 * {@code acknowledgement} object as {@code within} and {@code by}. Nothing else changes, and nothing
 * stored is rewritten: the upcast happens each time the event is read.
 */
public final class AcknowledgementDeadlineGrouped extends SingleEventUpcaster {

    /** The stored name, spelled out: a stored type name is history, not a reference to today's class. */
    static final String TYPE = "org.crisiscoordination.kernel.channel.MajorPowerChannelConvened";
    static final SimpleSerializedType FIRST = new SimpleSerializedType(TYPE, null);
    static final SimpleSerializedType SECOND = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FIRST);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(SECOND, JsonNode.class, AcknowledgementDeadlineGrouped::group);
    }

    static JsonNode group(JsonNode first) {
        ObjectNode event = first.deepCopy();
        ObjectNode acknowledgement = event.objectNode();
        acknowledgement.set("within", event.remove("acknowledgeWithin"));
        acknowledgement.set("by", event.remove("acknowledgeBy"));
        event.set("acknowledgement", acknowledgement);
        return event;
    }
}
