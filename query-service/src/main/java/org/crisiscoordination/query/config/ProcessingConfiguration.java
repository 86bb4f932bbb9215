package org.crisiscoordination.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.crisiscoordination.query.projection.ServiceInstances;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** How the projections' processors run, and how they treat a failing handler. */
@Configuration
class ProcessingConfiguration {

    /**
     * Every projection runs on a tracking processor with the configured batch size, split into
     * segments that several instances of the service share (each sequence of events stays in one
     * segment, so its order holds), with threads enough for one instance to hold every segment. It
     * is the default for every processor, named once here rather than per processor in the
     * properties, where a projection (or a processor registered elsewhere) added without its entry
     * would silently run with Axon's batch size of 1 and one segment.
     */
    @Bean
    ConfigurerModule everyProjectionBatched(QueryServiceProperties properties) {
        QueryServiceProperties.Projections projections = properties.projections();
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        TrackingEventProcessorConfiguration
                                .forParallelProcessing(Math.max(projections.threads(), projections.segments()))
                                .andInitialSegmentsCount(projections.segments())
                                .andBatchSize(projections.batchSize())
                                .andTokenClaimInterval(projections.claimInterval().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Names this instance's database sessions, so that the others can count it when sharing segments. */
    @Bean
    static ServiceInstances serviceInstances() {
        return new ServiceInstances();
    }

    /**
     * A read model never skips an event: a handler that fails (the database is away, say) fails
     * its batch, which the processor retries with back-off, rather than Axon's default of logging
     * the failure and moving on with the event lost to that read model.
     */
    @Bean
    ConfigurerModule projectionsRetryRatherThanSkip() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
