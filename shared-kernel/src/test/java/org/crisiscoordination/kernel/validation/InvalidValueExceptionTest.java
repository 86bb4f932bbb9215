package org.crisiscoordination.kernel.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidValueExceptionTest {

    @Test
    void isAnIllegalArgument() {
        assertThat(new InvalidValueException("title", "must not be blank")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsEveryErrorInItsMessage() {
        InvalidValueException e = new InvalidValueException(List.of(
                new FieldError("title", "must not be blank"), new FieldError("topic", "is required")));

        assertThat(e).hasMessage("title: must not be blank; topic: is required");
    }

    @Test
    void keepsACopyOfItsErrorsThatCannotBeChanged() {
        List<FieldError> errors = new ArrayList<>(List.of(new FieldError("title", "must not be blank")));
        InvalidValueException e = new InvalidValueException(errors);
        errors.clear();

        assertThat(e.errors()).containsExactly(new FieldError("title", "must not be blank"));
        assertThatThrownBy(() -> e.errors().add(new FieldError("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesAValueWithoutFieldByTheEnclosingField() {
        InvalidValueException e = new InvalidValueException("", "'XX' is not an ISO 3166-1 alpha-2 country code");

        assertThat(e.under("state").errors())
                .containsExactly(new FieldError("state", "'XX' is not an ISO 3166-1 alpha-2 country code"));
    }

    @Test
    void prefixesANestedFieldWithTheEnclosingField() {
        InvalidValueException e = new InvalidValueException("title", "must not be blank");

        assertThat(e.under("crisis").errors()).containsExactly(new FieldError("crisis.title", "must not be blank"));
    }
}
