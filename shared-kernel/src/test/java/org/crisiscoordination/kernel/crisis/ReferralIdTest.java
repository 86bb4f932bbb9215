package org.crisiscoordination.kernel.crisis;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class ReferralIdTest {

    private static final String CANONICAL = "3f2b6c1e-8d4a-4b7e-9c1d-2a5e6f7a8b9c";
    private static final ObjectMapper MESSAGES = CrisisJson.forMessages();

    @Test
    void acceptsACanonicalUuid() {
        ReferralId id = ReferralId.of(CANONICAL);

        assertThat(id.value()).isEqualTo(UUID.fromString(CANONICAL));
        assertThat(id).hasToString(CANONICAL);
    }

    @Test
    void readsUpperCaseAsTheSameId() {
        assertThat(ReferralId.of(CANONICAL.toUpperCase())).isEqualTo(ReferralId.of(CANONICAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "3f2b6c1e8d4a4b7e9c1d2a5e6f7a8b9c", "", "   "})
    void refusesANonCanonicalForm(String text) {
        assertThat(errorsOf(() -> ReferralId.of(text))).containsExactly(error("", "'" + text + "' is not a UUID"));
    }

    @Test
    void refusesAMissingId() {
        assertThat(errorsOf(() -> ReferralId.of(null))).containsExactly(error("", "'null' is not a UUID"));
        assertThatThrownBy(() -> new ReferralId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void randomIdsDiffer() {
        assertThat(ReferralId.random()).isNotEqualTo(ReferralId.random());
    }

    @Test
    void travelsAsAPlainString() throws Exception {
        ReferralId id = ReferralId.of(CANONICAL);

        String json = MESSAGES.writeValueAsString(id);

        assertThat(json).isEqualTo("\"" + CANONICAL + "\"");
        assertThat(MESSAGES.readValue(json, ReferralId.class)).isEqualTo(id);
    }

    @Test
    void refusesANonCanonicalFormInJson() {
        assertThatThrownBy(() -> MESSAGES.readValue("\"1-1-1-1-1\"", ReferralId.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class);
    }
}
