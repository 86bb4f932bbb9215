package org.crisiscoordination.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.crisiscoordination.command.powertrack.PowerTrackSynchronisation;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Event and deadline handling inside the command service. */
@Configuration
class ProcessingConfiguration {

    /**
     * A failure to keep a crisis and its channel in step fails the write that caused it: Axon's
     * default would log the failure and commit the write anyway.
     */
    @Bean
    ConfigurerModule powerTrackFailuresFailTheWrite() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PowerTrackSynchronisation.NAME,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Events a deadline causes carry the audit metadata too (the system as actor, the deadline as
     * cause); Axon gives deadline handlers no correlation data of their own.
     */
    @Bean
    SmartInitializingSingleton deadlinesCarryAuditMetadata(DeadlineManager deadlines,
                                                           List<CorrelationDataProvider> providers) {
        return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }
}
