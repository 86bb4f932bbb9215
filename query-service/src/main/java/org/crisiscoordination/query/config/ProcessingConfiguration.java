package org.crisiscoordination.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the projections' processors treat a failing handler. */
@Configuration
class ProcessingConfiguration {

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
