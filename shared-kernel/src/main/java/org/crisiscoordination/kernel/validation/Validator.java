package org.crisiscoordination.kernel.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects every value rule a piece of input breaks, so that one answer names them all rather than
 * the first only. Commands use it in their constructors; the web layers use it to parse raw input
 * into value objects and then to build the command, keeping each field's first error.
 */
public final class Validator {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Text that must be present, not blank, at most {@code max} characters long, and hold only what
     * {@link TextContent} allows. Every free-text field of every command passes here.
     */
    public Validator text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return reject(field, "must not be blank");
        }
        TextContent.flaw(value).ifPresent(flaw -> reject(field, flaw));
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            reject(field, "must be at most " + max + " characters (is " + length + ")");
        }
        return this;
    }

    /** Text that may be absent or empty, but at most {@code max} characters long. */
    public Validator optionalText(String field, String value, int max) {
        return value == null || value.isEmpty() ? this : text(field, value, max);
    }

    public Validator notNull(String field, Object value) {
        return value == null ? reject(field, "is required") : this;
    }

    /** A required list with at least one element, none of them null and none twice. */
    public Validator distinctElements(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return reject(field, "must name at least one");
        }
        Set<Object> seen = new HashSet<>();
        int index = 0;
        for (Object value : values) {
            if (value == null) {
                reject(field + "[" + index + "]", "is required");
            } else if (!seen.add(value)) {
                reject(field + "[" + index + "]", value + " appears more than once");
            }
            index++;
        }
        return this;
    }

    public Validator reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Parses a raw value, recording the refusal under {@code field}; a missing value is an error. */
    public <R, T> T parse(String field, R raw, Function<R, T> parser) {
        if (raw == null) {
            reject(field, "is required");
            return null;
        }
        return parseOptional(field, raw, parser);
    }

    /** Parses a raw value that may be absent (then the answer is null). */
    public <R, T> T parseOptional(String field, R raw, Function<R, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            e.under(field).errors().forEach(errors::add);
            return null;
        }
    }

    /** Parses each element of a raw list, naming a refused element by its index. */
    public <R, T> List<T> parseEach(String field, List<R> raw, Function<R, T> parser) {
        if (raw == null) {
            reject(field, "is required");
            return null;
        }
        List<T> parsed = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            parsed.add(parse(field + "[" + i + "]", raw.get(i), parser));
        }
        return parsed;
    }

    /**
     * Builds the value once every field parsed; the constructor's own refusals join those found so
     * far, except for fields already refused (a field that did not parse is null, not twice wrong).
     */
    public <T> T build(Supplier<T> constructor) {
        try {
            T built = constructor.get();
            throwIfInvalid();
            return built;
        } catch (InvalidValueException e) {
            Set<String> refused = new HashSet<>();
            errors.forEach(error -> refused.add(error.field()));
            e.errors().stream().filter(error -> !refused.contains(error.field())).forEach(errors::add);
            throw new InvalidValueException(errors);
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidValueException(errors);
        }
    }
}
