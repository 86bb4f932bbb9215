package org.crisiscoordination.command.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.crisiscoordination.kernel.evolution.StoredEvents;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** The event store on PostgreSQL: Axon's JDBC engine on the Flyway-made tables, audited. */
@Configuration
class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventStoreSchema.axonSchema();
    }

    /**
     * Every stored event is read in its current shape, whatever revision it was stored in (Axon
     * puts this bean in the chain the storage engine below reads through).
     */
    @Bean
    EventUpcaster storedEventUpcasters() {
        return StoredEvents.upcasters();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    AppendedEvents appendedEvents() {
        return new AppendedEvents();
    }

    /** Announces ended appends to readers in other processes, outside the appending transactions. */
    @Bean
    AppendNotifier appendNotifier(DataSource dataSource) {
        return new AppendNotifier(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          JdbcTemplate jdbcTemplate,
                                          @Qualifier("defaultAxonObjectMapper") ObjectMapper messageJson,
                                          AppendedEvents appendedEvents,
                                          AppendNotifier appendNotifier) {
        EventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
        return new AuditedEventStorageEngine(jdbc, jdbcTemplate,
                new HashChainLinker(eventSerializer, messageJson, jdbcTemplate), appendedEvents, appendNotifier);
    }
}
