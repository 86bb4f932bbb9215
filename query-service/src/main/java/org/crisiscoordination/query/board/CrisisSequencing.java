package org.crisiscoordination.query.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.query.readmodel.TableSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's events in sequences by crisis: a crisis's own events and those of its channels form
 * one sequence, because the board writes a channel's events into its crisis's row. So if one of
 * them is parked in the dead-letter queue, the rest of that crisis's events wait behind it (and
 * are replayed in order with it), while other crises go on. Agenda events are sequenced by their
 * own aggregate. The payload is never read here, so an event that cannot be deserialised is still
 * sequenced (and parked); a channel's crisis comes from the channel's first stored event.
 */
@Configuration
class CrisisSequencing implements SequencingPolicy<EventMessage<?>> {

    private static final int REMEMBERED_CHANNELS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Map<String, String> crisisOfChannel = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_CHANNELS;
                }
            });

    CrisisSequencing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Both table sets' processors: a rebuild sequenced by aggregate could apply a channel's event before its crisis exists. */
    @Bean
    ConfigurerModule boardSequencedByCrisis() {
        return configurer -> {
            for (TableSet set : TableSet.values()) {
                configurer.eventProcessing().registerSequencingPolicy(set.processor(CrisisBoardProjection.NAME), configuration -> this);
            }
        };
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return event.getIdentifier();
        }
        String aggregate = domainEvent.getAggregateIdentifier();
        return AggregateTypes.CHANNEL.equals(domainEvent.getType()) ? crisisOf(aggregate) : aggregate;
    }

    private String crisisOf(String channelId) {
        String crisis = crisisOfChannel.get(channelId);
        if (crisis == null) {
            crisis = convenedAbout(channelId);
            crisisOfChannel.put(channelId, crisis);
        }
        return crisis;
    }

    /** The crisis named by the channel's convening, the first event of its stream. */
    private String convenedAbout(String channelId) {
        List<byte[]> payloads = jdbc.query("select payload from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? and sequence_number = 0", (rs, row) -> rs.getBytes(1), channelId);
        try {
            JsonNode crisis = payloads.isEmpty() ? null : JSON.readTree(payloads.get(0)).get("crisisId");
            return crisis == null || !crisis.isTextual() ? channelId : crisis.asText();
        } catch (IOException e) {
            return channelId; // a convening that cannot be read is sequenced, and parked, as its channel
        }
    }
}
