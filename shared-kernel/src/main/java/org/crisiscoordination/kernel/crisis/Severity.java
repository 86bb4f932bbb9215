package org.crisiscoordination.kernel.crisis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.crisiscoordination.kernel.validation.InvalidValueException;

/** How grave a crisis is, from 1 (lowest) to 5 (highest). */
public record Severity(int value) implements Comparable<Severity> {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public Severity {
        if (value < LOWEST || value > HIGHEST) {
            throw new InvalidValueException("", "must be from " + LOWEST + " to " + HIGHEST + " (is " + value + ")");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Severity of(int value) {
        return new Severity(value);
    }

    public boolean isHigherThan(Severity other) {
        return value > other.value;
    }

    public boolean isLowerThan(Severity other) {
        return value < other.value;
    }

    @Override
    public int compareTo(Severity other) {
        return Integer.compare(value, other.value);
    }

    @JsonValue
    public int toJson() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
