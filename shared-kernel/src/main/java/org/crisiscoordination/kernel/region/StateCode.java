package org.crisiscoordination.kernel.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.InvalidValueException;

import java.util.Locale;
import java.util.Set;

/** A state, by its ISO 3166-1 alpha-2 code as the JDK's maintained list knows it. */
public record StateCode(String code) implements Comparable<StateCode> {

    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public StateCode {
        if (!isValid(code)) {
            throw new InvalidValueException("", "'" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StateCode of(String code) {
        return new StateCode(code);
    }

    public static boolean isValid(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }

    @Override
    public int compareTo(StateCode other) {
        return code.compareTo(other.code);
    }
}
