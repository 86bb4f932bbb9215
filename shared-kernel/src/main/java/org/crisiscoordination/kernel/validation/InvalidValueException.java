package org.crisiscoordination.kernel.validation;

import java.util.List;

/**
 * A value rule refused the input: a command with such values never exists. The web layers answer
 * it with 400 and the listed field errors.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final List<FieldError> errors;

    public InvalidValueException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidValueException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The errors in one line, as a problem answer's {@code detail} gives them. */
    public static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(java.util.stream.Collectors.joining("; "));
    }

    /** The same errors, each field name prefixed, for values nested in a larger input. */
    public InvalidValueException under(String field) {
        return new InvalidValueException(errors.stream()
                .map(e -> new FieldError(e.field().isEmpty() ? field : field + "." + e.field(), e.message()))
                .toList());
    }
}
