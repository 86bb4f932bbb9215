package org.crisiscoordination.query.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@value #NAME}, tagged with the projection: how many events each projection has parked. Anything
 * above zero needs an operator (a read model is missing what those events say).
 */
@Component
class DeadLetterMetrics {

    static final String NAME = "crisis.projection.dead.letters";

    private final Projections projections;
    private final ProjectionProgress progress;
    private final MeterRegistry registry;

    DeadLetterMetrics(Projections projections, ProjectionProgress progress, MeterRegistry registry) {
        this.projections = projections;
        this.progress = progress;
        this.registry = registry;
    }

    /** Once the processors are configured, so that every projection is known. */
    @EventListener(ApplicationStartedEvent.class)
    void register() {
        progress.projections().forEach(name -> Gauge.builder(NAME, projections, p -> p.deadLetters(name))
                .description("Events the projection parked in its dead-letter queue")
                .tag("projection", name)
                .strongReference(true)
                .register(registry));
    }
}
