package org.crisiscoordination.query.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.query.board.CrisisBoardProjection;
import org.crisiscoordination.query.channel.ChannelViewProjection;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.web.ReadModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coordination metrics of the major-power communication mechanism and the regional organisations. */
@RestController
@Tag(name = "Coordination metrics")
class CoordinationMetricsController {

    private final CoordinationMetricsRepository metrics;

    CoordinationMetricsController(CoordinationMetricsRepository metrics) {
        this.metrics = metrics;
    }

    @GetMapping(path = "/api/metrics/coordination", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadModel({CrisisBoardProjection.NAME, ChannelViewProjection.NAME, SecurityMechanismProjection.NAME})
    @Operation(summary = "Time to convene, acknowledgement latency, referral acceptance, agenda coverage, "
            + "inclusiveness and voice balance")
    CoordinationMetrics coordination() {
        return metrics.measure();
    }
}
