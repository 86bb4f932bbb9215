package org.crisiscoordination.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.crisiscoordination.query.board.CrisisBoardProjection;
import org.crisiscoordination.query.channel.ChannelViewProjection;
import org.crisiscoordination.query.hotspot.HotspotHeatMapProjection;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.projection.DeterministicFailures;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Every projection parks an event that fails deterministically in Axon's JDBC dead-letter queue
 * ({@code read_model.dead_letter_entry}, one queue per projection) and goes on with the events of
 * other sequences, so no single event can stop a projection. What is parked, and what is retried
 * instead, {@link DeterministicFailures} decides.
 */
@Configuration
class DeadLetterConfiguration {

    /** Axon configures dead-lettering invokers by processing group only. */
    private static final List<String> PROJECTIONS = List.of(CrisisBoardProjection.NAME, ChannelViewProjection.NAME,
            SecurityMechanismProjection.NAME, HotspotHeatMapProjection.NAME);

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("read_model.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ConfigurerModule projectionsParkDeterministicFailures(DeadLetterSchema schema, ConnectionProvider connections,
                                                          TransactionManager transactions,
                                                          Serializer serializer,
                                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing()
                        .registerDeadLetterQueueProvider(projection -> configuration ->
                                JdbcSequencedDeadLetterQueue.builder()
                                        .processingGroup(projection)
                                        .schema(schema)
                                        .connectionProvider(connections)
                                        .transactionManager(transactions)
                                        .genericSerializer(serializer)
                                        .eventSerializer(eventSerializer)
                                        .build())
                        .registerDefaultDeadLetterPolicy(configuration -> new DeterministicFailures());
                // Without the cache, every event costs a query asking whether its sequence is parked;
                // the cache remembers the sequences known not to be, per claimed segment.
                for (String projection : PROJECTIONS) {
                    configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                            (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            }

            /**
             * After Axon's Spring Boot module, which registers a provider of its own that gives a
             * queue only to processors with {@code dlq.enabled} in the properties: here every
             * projection has one, without a property to forget.
             */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
