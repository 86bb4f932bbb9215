package org.crisiscoordination.kernel.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrisisJsonTest {

    record Body(int count, Integer limit, String name) {
    }

    record Topical(SecurityTopic topic) {
    }

    record Identified(CrisisId crisisId) {
    }

    record Graded(Severity severity) {
    }

    record Timed(Instant at, Duration within) {
    }

    private static final ObjectMapper REQUESTS = CrisisJson.forRequests();
    private static final ObjectMapper MESSAGES = CrisisJson.forMessages();

    // --- requests: exactly the contract

    @Test
    void readsARequestThatIsExactlyTheContract() throws Exception {
        assertThat(REQUESTS.readValue("{\"count\":3,\"limit\":4,\"name\":\"x\"}", Body.class))
                .isEqualTo(new Body(3, 4, "x"));
    }

    @Test
    void refusesAnUnknownPropertyInARequest() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"name\":\"x\",\"extra\":1}", Body.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("extra");
    }

    @Test
    void refusesADuplicateKeyInARequest() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"count\":4}", Body.class))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate field 'count'");
    }

    @Test
    void refusesANumberWrittenAsTextForAnInt() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":\"3\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesANumberWrittenAsTextForAnInteger() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"limit\":\"3\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesAFractionForAnInt() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3.5}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesAFractionForAnInteger() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"limit\":4.0}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesANumberForAString() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"name\":3}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"name\":3.5}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesABooleanForAString() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3,\"name\":true}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesNullForAnInt() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":null}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesANumberForAnEnum() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"topic\":0}", Topical.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesTrailingTokensAfterTheBody() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"count\":3} {\"count\":4}", Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void refusesAValueThatBreaksAValueRule() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"crisisId\":\"1-1-1-1-1\"}", Identified.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class);
    }

    @Test
    void readsASeverityGivenAsANumberAndRefusesItAsTextOrFraction() throws Exception {
        assertThat(REQUESTS.readValue("{\"severity\":3}", Graded.class)).isEqualTo(new Graded(Severity.of(3)));
        assertThatThrownBy(() -> REQUESTS.readValue("{\"severity\":\"3\"}", Graded.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> REQUESTS.readValue("{\"severity\":3.5}", Graded.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesASeverityOutOfRangeInARequest() {
        assertThatThrownBy(() -> REQUESTS.readValue("{\"severity\":6}", Graded.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class);
    }

    @Test
    void readsTimesAndDurationsFromIsoTextInARequest() throws Exception {
        assertThat(REQUESTS.readValue("{\"at\":\"2025-11-02T08:30:00Z\",\"within\":\"PT12H\"}", Timed.class))
                .isEqualTo(new Timed(Instant.parse("2025-11-02T08:30:00Z"), Duration.ofHours(12)));
    }

    // --- messages: lenient reading, ISO-8601 writing

    @Test
    void ignoresPropertiesANewerWriterAddedToAMessage() throws Exception {
        assertThat(MESSAGES.readValue("{\"count\":3,\"name\":\"x\",\"addedLater\":{\"a\":1}}", Body.class))
                .isEqualTo(new Body(3, null, "x"));
    }

    @Test
    void writesInstantsAndDurationsAsIsoText() throws Exception {
        Timed timed = new Timed(Instant.parse("2025-11-02T08:30:00.123Z"), Duration.ofHours(24));

        assertThat(MESSAGES.writeValueAsString(timed))
                .isEqualTo("{\"at\":\"2025-11-02T08:30:00.123Z\",\"within\":\"PT24H\"}");
        assertThat(MESSAGES.readValue(MESSAGES.writeValueAsString(timed), Timed.class)).isEqualTo(timed);
    }

    @Test
    void requestsAreWrittenLikeMessages() throws JsonProcessingException {
        assertThat(REQUESTS.writeValueAsString(new Timed(Instant.parse("2025-11-02T08:30:00Z"), Duration.ofDays(30))))
                .isEqualTo("{\"at\":\"2025-11-02T08:30:00Z\",\"within\":\"PT720H\"}");
    }

    @Test
    void eachCallAnswersItsOwnMapper() {
        assertThat(CrisisJson.forMessages()).isNotSameAs(CrisisJson.forMessages());
        assertThat(CrisisJson.forRequests()).isNotSameAs(CrisisJson.forRequests());
    }
}
