package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.region.RegionalReferenceData.Membership;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class RegionalReferenceDataTest {

    private final RegionalReferenceData data = RegionalReferenceData.current();

    @Test
    void isLoadedOnce() {
        assertThat(RegionalReferenceData.current()).isSameAs(data);
    }

    @Test
    void hasAVersionAndAnAsOfDate() {
        assertThat(data.version()).isNotBlank();
        assertThat(data.asOf()).isNotNull();
    }

    @Test
    void everyOrganisationAndBlocHasANameASourceAndAnAsOfDate() {
        assertThat(memberships()).hasSize(Organization.values().length + MinilateralBloc.values().length)
                .allSatisfy(membership -> {
                    assertThat(membership.name()).isNotBlank();
                    assertThat(membership.source()).isNotBlank();
                    assertThat(membership.asOf()).isNotNull().isBeforeOrEqualTo(data.asOf());
                    assertThat(membership.members()).isNotEmpty();
                });
    }

    @Test
    void timorLestesAdmissionIsDated() {
        Membership asean = data.of(Organization.ASEAN);

        assertThat(asean.asOf()).isEqualTo("2025-10-26");
        assertThat(asean.source()).contains("Timor-Leste");
    }

    @Test
    void theStatesOfTheRegionAreTheUnionOfTheOrganisationsMembers() {
        Set<StateCode> union = new TreeSet<>();
        Arrays.stream(Organization.values()).forEach(o -> union.addAll(o.members()));

        assertThat(data.statesOfTheRegion()).containsExactlyElementsOf(union).hasSize(44);
    }

    @Test
    void aStateOnlyInAMinilateralBlocIsNotAStateOfTheRegion() {
        assertThat(MinilateralBloc.AUKUS.members()).contains(StateCode.of("GB"));
        assertThat(data.statesOfTheRegion()).doesNotContain(StateCode.of("GB"));
    }

    @Test
    void theStatesOfTheRegionIncludeThoseOfEveryOrganisation() {
        assertThat(data.statesOfTheRegion()).contains(
                StateCode.of("TL"), StateCode.of("BY"), StateCode.of("MV"), StateCode.of("NZ"), StateCode.of("KW"),
                StateCode.of("PS"));
    }

    @Test
    void nothingItAnswersCanBeChanged() {
        assertThat(data.statesOfTheRegion()).isUnmodifiable();
        assertThat(data.of(MinilateralBloc.QUAD).members()).isUnmodifiable();
    }

    private List<Membership> memberships() {
        List<Membership> all = new ArrayList<>();
        Arrays.stream(Organization.values()).map(data::of).forEach(all::add);
        Arrays.stream(MinilateralBloc.values()).map(data::of).forEach(all::add);
        return all;
    }
}
