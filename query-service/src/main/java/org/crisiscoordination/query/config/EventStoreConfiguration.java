package org.crisiscoordination.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.crisiscoordination.kernel.evolution.StoredEvents;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.edge.store.AppendWatermark;
import org.crisiscoordination.query.projection.NotifiedEventStore;
import org.crisiscoordination.query.projection.WatermarkedReads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

/**
 * The query service reads the command service's event store (it never writes it) and keeps its
 * processors' tokens with its read models, so that a read model and its token change together.
 */
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
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("read_model.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** How far the store may be read in position order: every reader of this service asks it. */
    @Bean
    AppendWatermark appendWatermark(DataSource dataSource) {
        return new AppendWatermark(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          AppendWatermark watermark) {
        WatermarkedReads reads = new WatermarkedReads(watermark);
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .readEventDataWithoutGaps(reads.withoutGaps())
                .readEventDataWithGaps(reads.withGaps())
                .createHeadToken(reads.headToken())
                .build();
    }

    /**
     * Polls only as a fallback: the {@code AppendListener} wakes it when appends end and when the
     * watermark moves.
     */
    @Bean(name = "eventBus")
    NotifiedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  QueryServiceProperties properties) {
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.projections().pollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }
}
