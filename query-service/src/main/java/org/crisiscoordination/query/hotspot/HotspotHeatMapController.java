package org.crisiscoordination.query.hotspot;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.query.web.ReadModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The hotspot heat map: crises counted per hotspot and topic, filtered and paged. */
@RestController
@Tag(name = "Hotspot heat map")
class HotspotHeatMapController {

    private final HotspotHeatMapRepository heat;
    private final Clock clock;

    HotspotHeatMapController(HotspotHeatMapRepository heat, Clock clock) {
        this.heat = heat;
        this.clock = clock;
    }

    @GetMapping(path = "/api/hotspots", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadModel(HotspotHeatMapProjection.NAME)
    @Operation(summary = "Per hotspot and topic: crises, open crises, peak severity, channels, referrals, days open",
            description = "Most crises first. Filters: a hotspot (exactly as raised), a topic, a minimum peak severity,"
                    + " an organisation referred to at least once")
    HotspotHeatMapRepository.HeatMapPage list(@RequestParam(required = false) String hotspot,
                                       @RequestParam(required = false) String topic,
                                       @RequestParam(required = false) String organization,
                                       @RequestParam(required = false) Integer minSeverity,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return heat.list(HotspotHeatMapQuery.parse(hotspot, topic, organization, minSeverity, page, size),
                clock.instant());
    }
}
