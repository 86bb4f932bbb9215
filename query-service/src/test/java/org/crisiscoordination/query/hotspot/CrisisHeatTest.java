package org.crisiscoordination.query.hotspot;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How one crisis's events fold into what the heat map counts of it. */
class CrisisHeatTest {

    private static final Instant RAISED = Instant.parse("2026-03-01T08:00:00Z");
    private final CrisisId crisis = CrisisId.random();

    private CrisisHeat raised(int severity) {
        return CrisisHeat.raised(new RegionalCrisisRaised(crisis, "Standoff", "Second Thomas Shoal",
                SecurityTopic.MARITIME_SECURITY, Severity.of(severity), List.of(StateCode.of("PH"), StateCode.of("CN")),
                "Resupply blocked"), RAISED, 0);
    }

    @Test
    void aRaisedCrisisIsOpenAtItsSeverityWithNoChannelOrReferral() {
        CrisisHeat heat = raised(3);

        assertThat(heat.crisisId()).isEqualTo(crisis.value());
        assertThat(heat.hotspot()).isEqualTo("Second Thomas Shoal");
        assertThat(heat.topic()).isEqualTo(SecurityTopic.MARITIME_SECURITY);
        assertThat(heat.peakSeverity()).isEqualTo(3);
        assertThat(heat.channelsConvened()).isZero();
        assertThat(heat.referrals()).isEmpty();
        assertThat(heat.raisedAt()).isEqualTo(RAISED);
        assertThat(heat.resolvedAt()).isNull();
    }

    @Test
    void thePeakIsTheHighestSeverityEverReachedNotTheCurrentOne() {
        CrisisHeat heat = raised(2).escalatedTo(Severity.of(5), 1).escalatedTo(Severity.of(3), 2);

        assertThat(heat.peakSeverity()).isEqualTo(5);
        assertThat(heat.version()).isEqualTo(2);
    }

    @Test
    void referralsAreCountedByOrganisation() {
        CrisisHeat heat = raised(3).referredTo(Organization.ASEAN, 1).referredTo(Organization.SCO, 2)
                .referredTo(Organization.ASEAN, 3);

        assertThat(heat.referrals()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Organization.ASEAN, 2, Organization.SCO, 1));
    }

    @Test
    void everyConveningCountsAChannel() {
        assertThat(raised(3).convened(1).convened(2).channelsConvened()).isEqualTo(2);
    }

    @Test
    void aResolutionClosesTheCrisisAtItsTime() {
        Instant resolved = RAISED.plusSeconds(86_400);

        assertThat(raised(3).resolved(resolved, 1).resolvedAt()).isEqualTo(resolved);
    }

    @Test
    void anEventFoldedInAlreadyChangesNothing() {
        CrisisHeat once = raised(3).referredTo(Organization.ASEAN, 1).convened(2).escalatedTo(Severity.of(4), 3);

        CrisisHeat again = once.referredTo(Organization.ASEAN, 1).convened(2).escalatedTo(Severity.of(5), 3)
                .resolved(RAISED, 3);

        assertThat(again).isEqualTo(once);
    }

    @Test
    void stepsNeverChangeTheStateTheyStartFrom() {
        CrisisHeat before = raised(3).referredTo(Organization.ASEAN, 1);

        before.referredTo(Organization.ASEAN, 2);

        assertThat(before.referrals()).containsExactlyEntriesOf(Map.of(Organization.ASEAN, 1));
    }
}
