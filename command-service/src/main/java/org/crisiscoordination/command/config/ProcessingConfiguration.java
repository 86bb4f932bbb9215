package org.crisiscoordination.command.config;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.crisiscoordination.command.powertrack.PowerTrackSynchronisation;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.support.RetryTemplate;

import java.util.List;

/** Event and deadline handling inside the command service. */
@Configuration
class ProcessingConfiguration {

    /**
     * Aggregates are not locked in the JVM: the (aggregate, sequence) key and the retries of
     * {@code CommandWriter} decide lost races. Axon's default pessimistic lock is held until the
     * unit of work ends, and {@code PowerTrackSynchronisation} loads a second aggregate while the
     * first is locked (a close locks channel then crisis, a resolution crisis then channel), so two
     * such writes at once would deadlock in the JVM until Axon's 30 s handler timeout answered 500.
     */
    @Bean
    LockFactory noAggregateLocks() {
        return NullLockFactory.INSTANCE;
    }

    /**
     * How a write that lost a race to a concurrent write on its aggregate is run again: a few
     * times, after short random pauses, before it gives up.
     */
    @Bean
    RetryTemplate lostRaceRetries(CommandServiceProperties properties) {
        return RetryTemplate.builder()
                .maxAttempts(properties.writes().retryAttempts())
                .exponentialBackoff(5, 2, 200, true)
                .retryOn(ConcurrencyException.class)
                .traversingCauses()
                .build();
    }

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

    /**
     * Runs a due deadline again at once when it lost a race on its channel (another deadline of the
     * same channel, an acknowledgement, a closing): db-scheduler would otherwise retry the failed
     * execution only five minutes later. Replaces Axon's own task of the same name and qualifier.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context, RetryTemplate lostRaceRetries) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .execute((instance, execution) -> lostRaceRetries.execute(attempt -> axon.execute(instance, execution)));
    }
}
