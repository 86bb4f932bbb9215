package org.crisiscoordination.kernel.region;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.error;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class OrganizationTest {

    private static final String[] ASEAN = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"};

    @Test
    void aseanHasElevenMembersIncludingTimorLeste() {
        assertThat(Organization.ASEAN.members()).hasSize(11).containsExactlyInAnyOrderElementsOf(states(ASEAN));
        assertThat(Organization.ASEAN.members()).contains(StateCode.of("TL"));
    }

    @Test
    void scoHasTenMembersIncludingBelarus() {
        assertThat(Organization.SCO.members()).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(states("CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY"));
    }

    @Test
    void saarcHasEightMembers() {
        assertThat(Organization.SAARC.members()).hasSize(8)
                .containsExactlyInAnyOrderElementsOf(states("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"));
    }

    @Test
    void theEastAsiaSummitIsTheAseanMembersPlusEightPartners() {
        Set<StateCode> expected = new TreeSet<>(states(ASEAN));
        expected.addAll(states("AU", "CN", "IN", "JP", "NZ", "KR", "RU", "US"));

        assertThat(Organization.EAS.members()).hasSize(19).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Organization.EAS.members()).containsAll(Organization.ASEAN.members());
    }

    @Test
    void cicaHasTwentyEightMembersIncludingKuwait() {
        assertThat(Organization.CICA.members()).hasSize(28).containsExactlyInAnyOrderElementsOf(states(
                "AF", "AZ", "BH", "BD", "KH", "CN", "EG", "IN", "IR", "IQ", "IL", "JO", "KZ", "KW", "KG", "MN",
                "PK", "PS", "QA", "KR", "RU", "LK", "TJ", "TH", "TR", "AE", "UZ", "VN"));
        assertThat(Organization.CICA.members()).contains(StateCode.of("KW"));
    }

    @Test
    void hasJurisdictionWhenAnInvolvedStateIsAMember() {
        assertThat(Organization.SCO.hasJurisdictionOver(states("BY"))).isTrue();
        assertThat(Organization.ASEAN.hasJurisdictionOver(states("CN", "TL"))).isTrue();
        assertThat(Organization.CICA.hasJurisdictionOver(states("US", "PS"))).isTrue();
        assertThat(Organization.EAS.hasJurisdictionOver(states("NZ"))).isTrue();
    }

    @Test
    void hasNoJurisdictionWhenNoInvolvedStateIsAMember() {
        assertThat(Organization.SAARC.hasJurisdictionOver(states("PH", "CN"))).isFalse();
        assertThat(Organization.ASEAN.hasJurisdictionOver(states("CN", "US"))).isFalse();
        assertThat(Organization.SCO.hasJurisdictionOver(List.of())).isFalse();
    }

    @Test
    void membersCannotBeChanged() {
        assertThat(Organization.ASEAN.members()).isUnmodifiable();
    }

    @Test
    void parsesAKnownOrganisation() {
        assertThat(Organization.parse("SAARC")).isEqualTo(Organization.SAARC);
    }

    @Test
    void refusesAnUnknownOrganisation() {
        assertThat(errorsOf(() -> Organization.parse("NATO")))
                .containsExactly(error("", "'NATO' is not one of ASEAN, SCO, SAARC, EAS, CICA"));
    }

    static List<StateCode> states(String... codes) {
        return Arrays.stream(codes).map(StateCode::of).collect(Collectors.toList());
    }
}
