package org.crisiscoordination.kernel.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.Uuids;

import java.util.Objects;
import java.util.UUID;

/** The id of a channel: a UUID, chosen by the server unless the client supplies one on creation. */
public record ChannelId(UUID value) {

    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    public static ChannelId random() {
        return new ChannelId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChannelId of(String text) {
        return new ChannelId(Uuids.parse(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
