package org.crisiscoordination.kernel.region;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.region.SecurityTopic.*;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;

class SecurityTopicTest {

    @Test
    void tierOneHoldsTheFourEasiestTopics() {
        assertThat(topicsOfTier(1))
                .containsExactlyInAnyOrder(DISASTER_RELIEF, MARITIME_SEARCH_AND_RESCUE, PUBLIC_HEALTH, COUNTER_PIRACY);
    }

    @Test
    void tierTwoHoldsFiveTopics() {
        assertThat(topicsOfTier(2)).containsExactlyInAnyOrder(
                COUNTER_TERRORISM, TRANSNATIONAL_CRIME, CYBER_SECURITY, MARITIME_SECURITY, NUCLEAR_SAFETY);
    }

    @Test
    void tierThreeHoldsTheThreeHardestTopics() {
        assertThat(topicsOfTier(3)).containsExactlyInAnyOrder(TERRITORIAL_DISPUTE, MILITARY_CONFRONTATION, NON_PROLIFERATION);
    }

    @Test
    void everyTopicHasATierFromOneToTheHighest() {
        assertThat(HIGHEST_TIER).isEqualTo(3);
        assertThat(values()).hasSize(12).allSatisfy(topic -> assertThat(topic.tier()).isBetween(1, HIGHEST_TIER));
    }

    @Test
    void parsesAKnownName() {
        assertThat(SecurityTopic.parse("MARITIME_SEARCH_AND_RESCUE")).isEqualTo(MARITIME_SEARCH_AND_RESCUE);
    }

    @Test
    void refusesAnUnknownNameListingTheKnownOnes() {
        var errors = errorsOf(() -> SecurityTopic.parse("WEATHER"));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEmpty();
        assertThat(errors.get(0).message()).isEqualTo("'WEATHER' is not one of DISASTER_RELIEF, "
                + "MARITIME_SEARCH_AND_RESCUE, PUBLIC_HEALTH, COUNTER_PIRACY, COUNTER_TERRORISM, TRANSNATIONAL_CRIME, "
                + "CYBER_SECURITY, MARITIME_SECURITY, NUCLEAR_SAFETY, TERRITORIAL_DISPUTE, MILITARY_CONFRONTATION, "
                + "NON_PROLIFERATION");
    }

    @Test
    void refusesANameInLowerCase() {
        assertThat(errorsOf(() -> SecurityTopic.parse("public_health"))).hasSize(1);
    }

    private static SecurityTopic[] topicsOfTier(int tier) {
        return Arrays.stream(values()).filter(t -> t.tier() == tier).toArray(SecurityTopic[]::new);
    }
}
