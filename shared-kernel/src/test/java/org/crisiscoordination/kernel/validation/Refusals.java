package org.crisiscoordination.kernel.validation;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Test helpers: the field errors a refused value carries, and texts of a given length. */
public final class Refusals {

    /** A character outside the Basic Multilingual Plane: one code point, two UTF-16 chars. */
    private static final String ASTRAL = "\uD83C\uDF0A";

    private Refusals() {
    }

    /** Runs {@code call}, which must refuse with an {@link InvalidValueException}, and answers its errors. */
    public static List<FieldError> errorsOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a value rule to refuse").isInstanceOf(InvalidValueException.class);
        return ((InvalidValueException) thrown).errors();
    }

    public static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    /** Text of exactly {@code codePoints} ASCII letters. */
    public static String text(int codePoints) {
        return "a".repeat(codePoints);
    }

    /** Text of exactly {@code codePoints} code points, each two chars long. */
    public static String astralText(int codePoints) {
        String text = ASTRAL.repeat(codePoints);
        assertThat(text.length()).isEqualTo(2 * codePoints);
        return text;
    }

    public static FieldError tooLong(String field, int max) {
        return new FieldError(field, "must be at most " + max + " characters (is " + (max + 1) + ")");
    }

    public static FieldError blank(String field) {
        return new FieldError(field, "must not be blank");
    }

    public static FieldError required(String field) {
        return new FieldError(field, "is required");
    }
}
