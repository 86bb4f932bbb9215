package org.crisiscoordination.kernel.crisis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.Uuids;

import java.util.Objects;
import java.util.UUID;

/** The id of a crisis: a UUID, chosen by the server unless the client supplies one on creation. */
public record CrisisId(UUID value) {

    public CrisisId {
        Objects.requireNonNull(value, "value");
    }

    public static CrisisId random() {
        return new CrisisId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CrisisId of(String text) {
        return new CrisisId(Uuids.parse(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
