package org.crisiscoordination.kernel.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class TextContentTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "tab\there", "two\nlines", "\uD83C\uDF0A astral pair", "Biển Đông 南海",
            "zero\u200Bwidth", "\uFEFFbom inside text", "\u00A0no-break space", "\uFFFD replacement"})
    void allowsAnyScalarValueButControlCharacters(String text) {
        assertThat(TextContent.flaw(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "carriage\rreturn", "escape\u001B[31m", "delete\u007F",
            "next line\u0085", "c1\u009F"})
    void refusesControlCharactersOtherThanTabAndNewline(String text) {
        assertThat(TextContent.flaw(text)).hasValueSatisfying(
                flaw -> assertThat(flaw).startsWith("must not contain control characters other than tab and newline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "lone high \uD83C at the middle", "ends with a high \uD83C",
            "lone low \uDF0A", "reversed \uDF0A\uD83C pair", "two highs \uD83C\uD83C\uDF0A"})
    void refusesUnpairedSurrogates(String text) {
        assertThat(TextContent.flaw(text)).hasValueSatisfying(
                flaw -> assertThat(flaw).startsWith("must not contain an unpaired surrogate"));
    }

    @Test
    void saysWhichCharacterWhere() {
        assertThat(TextContent.flaw("a\u0000b")).contains(
                "must not contain control characters other than tab and newline (U+0000 at index 1)");
        assertThat(TextContent.flaw("ab\uDF0A\uD83C")).contains("must not contain an unpaired surrogate (U+DF0A at index 2)");
    }

    @Test
    void theValidatorNamesTheFieldOfRefusedText() {
        assertThat(errorsOf(() -> new Validator().text("title", "a\u0000b", 10).throwIfInvalid())).containsExactly(
                error("title", "must not contain control characters other than tab and newline (U+0000 at index 1)"));
        assertThat(errorsOf(() -> new Validator().optionalText("note", "\uD800", 10).throwIfInvalid())).containsExactly(
                error("note", "must not contain an unpaired surrogate (U+D800 at index 0)"));
    }
}
