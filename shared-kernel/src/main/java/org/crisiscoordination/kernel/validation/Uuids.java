package org.crisiscoordination.kernel.validation;

import java.util.UUID;
import java.util.regex.Pattern;

/** Ids are UUIDs in their canonical 8-4-4-4-12 form; {@link UUID#fromString} alone accepts more. */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    public static UUID parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new InvalidValueException("", "'" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }
}
