package org.crisiscoordination.query.hotspot;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The hotspot heat map: per crisis, what the map counts of it ({@link CrisisHeat}), read grouped
 * by hotspot and topic. It needs only crisis events, so its sequences (and dead letters) are by
 * crisis under Axon's default policy. Like every projection it runs on a tracking processor whose
 * first token is at the tail of the store: deployed against a store that already holds history,
 * it starts at the first event and builds the whole map.
 */
@Component
@ProcessingGroup(HotspotHeatMapProjection.NAME)
public class HotspotHeatMapProjection {

    public static final String NAME = "hotspot-heat-map";

    private final HotspotHeatMapRepository heat;

    HotspotHeatMapProjection(HotspotHeatMapRepository heat) {
        this.heat = heat;
    }

    @EventHandler
    void on(RegionalCrisisRaised event, @Timestamp Instant at, @SequenceNumber long sequence) {
        heat.add(CrisisHeat.raised(event, at, sequence));
    }

    @EventHandler
    void on(CrisisEscalated event, @SequenceNumber long sequence) {
        heat.change(event.crisisId().value(), crisis -> crisis.escalatedTo(event.severity(), sequence));
    }

    @EventHandler
    void on(CrisisReferredToOrganization event, @SequenceNumber long sequence) {
        heat.change(event.crisisId().value(), crisis -> crisis.referredTo(event.organization(), sequence));
    }

    @EventHandler
    void on(PowerTrackOpened event, @SequenceNumber long sequence) {
        heat.change(event.crisisId().value(), crisis -> crisis.convened(sequence));
    }

    @EventHandler
    void on(CrisisResolved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        heat.change(event.crisisId().value(), crisis -> crisis.resolved(at, sequence));
    }

    @ResetHandler
    void reset() {
        heat.clear();
    }
}
