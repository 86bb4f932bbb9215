package org.crisiscoordination.kernel.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.Uuids;

import java.util.Objects;
import java.util.UUID;

/** The id of a joint statement proposal: a UUID, chosen by the server unless the client supplies one on creation. */
public record ProposalId(UUID value) {

    public ProposalId {
        Objects.requireNonNull(value, "value");
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProposalId of(String text) {
        return new ProposalId(Uuids.parse(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
