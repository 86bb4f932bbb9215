package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.json.CrisisJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class PartyTest {

    @Test
    void aStateIsAParty() {
        Party party = Party.of("PH");

        assertThat(party.state()).contains(StateCode.of("PH"));
        assertThat(party.majorPower()).isEmpty();
    }

    @Test
    void aseanIsAPartyAsAMajorPower() {
        Party party = Party.of("ASEAN");

        assertThat(party.majorPower()).contains(MajorPower.ASEAN);
        assertThat(party.state()).isEmpty();
        assertThat(Party.of(MajorPower.ASEAN)).isEqualTo(party);
    }

    @Test
    void aMajorPowerThatIsAStateIsBoth() {
        Party party = Party.of(MajorPower.CN);

        assertThat(party.code()).isEqualTo("CN");
        assertThat(party.majorPower()).contains(MajorPower.CN);
        assertThat(party.state()).contains(StateCode.of("CN"));
    }

    @Test
    void anOrganisationIsAParty() {
        Party party = Party.of("SCO");

        assertThat(party.code()).isEqualTo("SCO");
        assertThat(party.majorPower()).isEmpty();
        assertThat(party.state()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ", "ph", "QUAD", "NATO", ""})
    void refusesWhatIsNeitherAStateAPowerNorAnOrganisation(String code) {
        assertThat(errorsOf(() -> Party.of(code))).containsExactly(error("", "'" + code
                + "' is neither an ISO 3166-1 alpha-2 state code, a major power nor a regional organisation"));
    }

    @ParameterizedTest
    @NullSource
    void refusesAMissingCode(String code) {
        assertThat(errorsOf(() -> new Party(code))).extracting(e -> e.field()).containsExactly("");
    }

    @Test
    void isWrittenAndReadAsPlainText() throws Exception {
        var mapper = CrisisJson.forMessages();

        assertThat(mapper.writeValueAsString(Party.of("SCO"))).isEqualTo("\"SCO\"");
        assertThat(mapper.readValue("\"ASEAN\"", Party.class)).isEqualTo(Party.of(MajorPower.ASEAN));
    }
}
