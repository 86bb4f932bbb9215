package org.crisiscoordination.kernel.validation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses the name of an enum constant, refusing an unknown one with the list of known ones. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new InvalidValueException("", "'" + name + "' is not one of " + known);
    }
}
