package org.crisiscoordination.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the projections' processors run, and how they treat a failing handler. */
@Configuration
class ProcessingConfiguration {

    /**
     * Every projection runs on a tracking processor with the configured batch size, named once
     * here rather than per processor in the properties, where a projection added without its
     * entry would silently run with Axon's batch size of 1.
     */
    @Bean
    ConfigurerModule everyProjectionBatched(QueryServiceProperties properties) {
        int batchSize = properties.projections().batchSize();
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
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
