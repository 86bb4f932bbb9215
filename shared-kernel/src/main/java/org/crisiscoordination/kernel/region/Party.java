package org.crisiscoordination.kernel.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.InvalidValueException;

import java.util.Arrays;
import java.util.Optional;

/**
 * Someone a write is made for, or who pledges: a state (ISO alpha-2), a major power (which
 * includes the ASEAN bloc) or a regional organisation.
 */
public record Party(String code) {

    public Party {
        if (code == null || !isKnown(code)) {
            throw new InvalidValueException("", "'" + code
                    + "' is neither an ISO 3166-1 alpha-2 state code, a major power nor a regional organisation");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Party of(String code) {
        return new Party(code);
    }

    public static Party of(MajorPower power) {
        return new Party(power.name());
    }

    public Optional<MajorPower> majorPower() {
        return Arrays.stream(MajorPower.values()).filter(p -> p.name().equals(code)).findFirst();
    }

    public Optional<StateCode> state() {
        return StateCode.isValid(code) ? Optional.of(StateCode.of(code)) : Optional.empty();
    }

    private static boolean isKnown(String code) {
        return Arrays.stream(MajorPower.values()).anyMatch(p -> p.name().equals(code))
                || Arrays.stream(Organization.values()).anyMatch(o -> o.name().equals(code))
                || StateCode.isValid(code);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
