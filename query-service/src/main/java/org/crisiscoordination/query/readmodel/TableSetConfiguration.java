package org.crisiscoordination.query.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Both table sets of every projection, and a processor for each: the read-model migrations make
 * set A's schema and then, again, set B's; every projection (a bean with a {@link ProcessingGroup})
 * gets a second handler instance in the processing group of set B, whose transactions write set
 * B's schema. Either set's processor writes only while its set is served or rebuilt ({@link
 * IdleSetGuard}). A projection takes part by being such a bean, naming its tables without a schema, and
 * emptying them in its {@code @ResetHandler}.
 */
@Configuration
class TableSetConfiguration {

    @Bean
    FlywayMigrationStrategy migrateBothTableSets() {
        return flyway -> {
            flyway.migrate();
            Flyway.configure().configuration(flyway.getConfiguration())
                    .schemas(TableSet.B.schema()).defaultSchema(TableSet.B.schema())
                    .load().migrate();
        };
    }

    @Bean
    static ConfigurerModule setBProcessors(ConfigurableListableBeanFactory beans) {
        return configurer -> {
            for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                Class<?> type = ClassUtils.getUserClass(Objects.requireNonNull(beans.getType(bean)));
                String projection = AnnotationUtils.findAnnotation(type, ProcessingGroup.class).value();
                String processor = TableSet.B.processor(projection);
                for (TableSet set : TableSet.values()) {
                    configurer.eventProcessing().registerHandlerInterceptor(set.processor(projection),
                            configuration -> new IdleSetGuard(beans.getBean(JdbcTemplate.class), projection, set));
                }
                AtomicReference<Object> handler = new AtomicReference<>();
                configurer.eventProcessing()
                        .registerEventHandler(configuration -> handler.updateAndGet(
                                existing -> existing != null ? existing : beans.createBean(type)))
                        .assignHandlerInstancesMatching(processor, Integer.MAX_VALUE, instance -> instance == handler.get())
                        .registerTransactionManager(processor, configuration -> new TableSetTransactions(
                                configuration.getComponent(TransactionManager.class),
                                beans.getBean(JdbcTemplate.class), TableSet.B))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(processor,
                                (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
            }
        };
    }
}
