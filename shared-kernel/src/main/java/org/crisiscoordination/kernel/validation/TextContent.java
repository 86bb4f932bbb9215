package org.crisiscoordination.kernel.validation;

import java.util.Optional;

/**
 * What free text may hold: any Unicode scalar value except the control characters (C0, DEL, C1)
 * other than tab and newline. A char sequence holding a surrogate without its partner (a lone
 * {@code \ud800}, a reversed pair) encodes no character at all: PostgreSQL cannot store it as UTF-8
 * and a NUL stops every reader that does. Refusing them at the edge keeps them out of the store.
 */
public final class TextContent {

    private TextContent() {
    }

    /** Why {@code value} may not be stored as text, or empty when it may. */
    public static Optional<String> flaw(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (" + codeOf(c) + " at index " + i + ")");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                return Optional.of("must not contain control characters other than tab and newline ("
                        + codeOf(c) + " at index " + i + ")");
            }
        }
        return Optional.empty();
    }

    private static String codeOf(char c) {
        return String.format("U+%04X", (int) c);
    }
}
