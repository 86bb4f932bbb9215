package org.crisiscoordination.kernel.validation;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisiscoordination.kernel.validation.Refusals.astralText;
import static org.crisiscoordination.kernel.validation.Refusals.blank;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;
import static org.crisiscoordination.kernel.validation.Refusals.text;
import static org.crisiscoordination.kernel.validation.Refusals.tooLong;

class ValidatorTest {

    private static final StateCode PH = StateCode.of("PH");
    private static final StateCode VN = StateCode.of("VN");

    // --- text, optionalText, notNull, distinctElements

    @Test
    void acceptsTextOfExactlyTheMaximumLength() {
        assertThatCode(() -> new Validator().text("title", text(10), 10).throwIfInvalid()).doesNotThrowAnyException();
    }

    @Test
    void refusesTextOneCharacterLongerThanTheMaximum() {
        assertThat(errorsOf(() -> new Validator().text("title", text(11), 10).throwIfInvalid()))
                .containsExactly(tooLong("title", 10));
    }

    @Test
    void countsTextLengthInCodePointsNotChars() {
        assertThatCode(() -> new Validator().text("title", astralText(10), 10).throwIfInvalid())
                .doesNotThrowAnyException();
        assertThat(errorsOf(() -> new Validator().text("title", astralText(11), 10).throwIfInvalid()))
                .containsExactly(tooLong("title", 10));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void refusesMissingOrBlankText(String value) {
        assertThat(errorsOf(() -> new Validator().text("title", value, 10).throwIfInvalid()))
                .containsExactly(blank("title"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {""})
    void acceptsAnAbsentOrEmptyOptionalText(String value) {
        assertThatCode(() -> new Validator().optionalText("note", value, 5).throwIfInvalid()).doesNotThrowAnyException();
    }

    @Test
    void refusesAnOptionalTextLongerThanTheMaximum() {
        assertThatCode(() -> new Validator().optionalText("note", text(5), 5).throwIfInvalid()).doesNotThrowAnyException();
        assertThat(errorsOf(() -> new Validator().optionalText("note", text(6), 5).throwIfInvalid()))
                .containsExactly(tooLong("note", 5));
    }

    @Test
    void refusesANullRequiredValue() {
        assertThat(errorsOf(() -> new Validator().notNull("topic", null).throwIfInvalid()))
                .containsExactly(required("topic"));
        assertThatCode(() -> new Validator().notNull("topic", SecurityTopic.PUBLIC_HEALTH).throwIfInvalid())
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrEmptyList() {
        assertThat(errorsOf(() -> new Validator().distinctElements("states", null).throwIfInvalid()))
                .containsExactly(error("states", "must name at least one"));
        assertThat(errorsOf(() -> new Validator().distinctElements("states", List.of()).throwIfInvalid()))
                .containsExactly(error("states", "must name at least one"));
    }

    @Test
    void namesADuplicateOrNullElementByItsIndex() {
        assertThat(errorsOf(() -> new Validator().distinctElements("states", Arrays.asList(PH, null, VN, PH))
                .throwIfInvalid()))
                .containsExactly(required("states[1]"), error("states[3]", "PH appears more than once"));
    }

    @Test
    void acceptsDistinctElements() {
        assertThatCode(() -> new Validator().distinctElements("states", List.of(PH, VN)).throwIfInvalid())
                .doesNotThrowAnyException();
    }

    @Test
    void collectsEveryRefusalInTheOrderFound() {
        assertThat(errorsOf(() -> new Validator()
                .notNull("a", null)
                .text("b", " ", 3)
                .reject("c", "is wrong")
                .throwIfInvalid()))
                .containsExactly(required("a"), blank("b"), error("c", "is wrong"));
    }

    @Test
    void throwsNothingWhenNothingWasRefused() {
        assertThatCode(() -> new Validator().throwIfInvalid()).doesNotThrowAnyException();
    }

    // --- parse, parseOptional, parseEach

    @Test
    void parsesAWellFormedValue() {
        Validator validator = new Validator();

        assertThat(validator.parse("state", "PH", StateCode::of)).isEqualTo(PH);
        assertThatCode(validator::throwIfInvalid).doesNotThrowAnyException();
    }

    @Test
    void recordsAMissingValueAsRequiredWhenParsing() {
        Validator validator = new Validator();

        assertThat(validator.parse("state", null, StateCode::of)).isNull();
        assertThat(errorsOf(validator::throwIfInvalid)).containsExactly(required("state"));
    }

    @Test
    void recordsAParserRefusalUnderTheField() {
        Validator validator = new Validator();

        assertThat(validator.parse("state", "XX", StateCode::of)).isNull();
        assertThat(errorsOf(validator::throwIfInvalid))
                .containsExactly(error("state", "'XX' is not an ISO 3166-1 alpha-2 country code"));
    }

    @Test
    void prefixesTheFieldOfANestedRefusal() {
        Validator validator = new Validator();

        validator.parse("body", "x", raw -> {
            throw new InvalidValueException("title", "must not be blank");
        });

        assertThat(errorsOf(validator::throwIfInvalid)).containsExactly(blank("body.title"));
    }

    @Test
    void answersNullForAnAbsentOptionalValueWithoutRefusingIt() {
        Validator validator = new Validator();

        assertThat(validator.parseOptional("acknowledgeWithin", null, java.time.Duration::parse)).isNull();
        assertThatCode(validator::throwIfInvalid).doesNotThrowAnyException();
    }

    @Test
    void parsesAndRefusesAPresentOptionalValue() {
        Validator validator = new Validator();

        assertThat(validator.parseOptional("severity", 3, Severity::of)).isEqualTo(Severity.of(3));
        assertThat(validator.parseOptional("severity", 9, Severity::of)).isNull();
        assertThat(errorsOf(validator::throwIfInvalid)).containsExactly(error("severity", "must be from 1 to 5 (is 9)"));
    }

    @Test
    void parsesEachElementOfAList() {
        Validator validator = new Validator();

        assertThat(validator.parseEach("involvedStates", List.of("PH", "VN"), StateCode::of)).containsExactly(PH, VN);
        assertThatCode(validator::throwIfInvalid).doesNotThrowAnyException();
    }

    @Test
    void namesARefusedElementByItsIndexAndKeepsItsPlace() {
        Validator validator = new Validator();

        List<StateCode> parsed = validator.parseEach("involvedStates", Arrays.asList("PH", "XX", null), StateCode::of);

        assertThat(parsed).containsExactly(PH, null, null);
        assertThat(errorsOf(validator::throwIfInvalid)).containsExactly(
                error("involvedStates[1]", "'XX' is not an ISO 3166-1 alpha-2 country code"),
                required("involvedStates[2]"));
    }

    @Test
    void refusesAMissingListWhenParsingEachElement() {
        Validator validator = new Validator();

        assertThat(validator.<String, StateCode>parseEach("involvedStates", null, StateCode::of)).isNull();
        assertThat(errorsOf(validator::throwIfInvalid)).containsExactly(required("involvedStates"));
    }

    // --- build

    @Test
    void buildsTheValueWhenEveryFieldParsed() {
        Validator validator = new Validator();
        StateCode state = validator.parse("state", "PH", StateCode::of);

        assertThat(validator.build(() -> List.of(state))).containsExactly(PH);
    }

    @Test
    void refusesToBuildWhenAFieldDidNotParseEvenIfTheConstructorAcceptsTheRest() {
        Validator validator = new Validator();
        validator.parseOptional("severity", 0, Severity::of);

        assertThat(errorsOf(() -> validator.build(() -> "built")))
                .containsExactly(error("severity", "must be from 1 to 5 (is 0)"));
    }

    @Test
    void keepsTheFirstErrorOfAFieldAndAddsTheConstructorsErrorsForOtherFields() {
        Validator validator = new Validator();
        validator.parse("topic", "WEATHER", SecurityTopic::parse);

        List<FieldError> errors = errorsOf(() -> validator.build(() -> {
            throw new InvalidValueException(List.of(required("topic"), blank("title")));
        }));

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).field()).isEqualTo("topic");
        assertThat(errors.get(0).message()).startsWith("'WEATHER' is not one of ");
        assertThat(errors.get(1)).isEqualTo(blank("title"));
    }

    @Test
    void buildsACommandNamingEveryRefusedFieldOnceFromRawInput() {
        Validator validator = new Validator();
        CrisisId crisisId = validator.parse("crisisId", "1-1-1-1-1", CrisisId::of);
        SecurityTopic topic = validator.parse("topic", "DISASTER_RELIEF", SecurityTopic::parse);
        Severity severity = validator.parse("severity", 4, Severity::of);
        List<StateCode> states = validator.parseEach("involvedStates", List.of("PH", "XX"), StateCode::of);

        List<FieldError> errors = errorsOf(() -> validator.build(() ->
                new RaiseRegionalCrisis(crisisId, " ", "Leyte", topic, severity, states, "Typhoon landfall")));

        assertThat(errors).containsExactly(
                error("crisisId", "'1-1-1-1-1' is not a UUID"),
                error("involvedStates[1]", "'XX' is not an ISO 3166-1 alpha-2 country code"),
                blank("title"));
    }

    @Test
    void letsTheConstructorsRefusalThroughWhenNothingElseWasRefused() {
        Validator validator = new Validator();

        assertThatThrownBy(() -> validator.build(() -> {
            throw new InvalidValueException("agenda", "must not be blank");
        })).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errors()).containsExactly(blank("agenda")));
    }
}
