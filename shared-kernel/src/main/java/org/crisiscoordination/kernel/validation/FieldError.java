package org.crisiscoordination.kernel.validation;

/** One refused input value: the field (a JSON path such as {@code involvedStates[1]}) and why. */
public record FieldError(String field, String message) {
}
