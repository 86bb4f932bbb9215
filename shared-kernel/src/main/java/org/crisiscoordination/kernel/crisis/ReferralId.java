package org.crisiscoordination.kernel.crisis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.Uuids;

import java.util.Objects;
import java.util.UUID;

/** The id of a referral: a UUID, chosen by the server unless the client supplies one on creation. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReferralId of(String text) {
        return new ReferralId(Uuids.parse(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
