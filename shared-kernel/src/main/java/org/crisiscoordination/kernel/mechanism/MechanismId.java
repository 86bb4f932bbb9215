package org.crisiscoordination.kernel.mechanism;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.InvalidValueException;

/** The security mechanism is a single aggregate; its id is {@code asia-pacific}. */
public record MechanismId(String value) {

    public static final MechanismId ASIA_PACIFIC = new MechanismId("asia-pacific");

    public MechanismId {
        if (!"asia-pacific".equals(value)) {
            throw new InvalidValueException("", "the security mechanism's id is asia-pacific, not '" + value + "'");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MechanismId of(String value) {
        return new MechanismId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
