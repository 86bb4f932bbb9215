package org.crisiscoordination.command.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.crisiscoordination.kernel.audit.AuditMetadata;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the audit metadata on every event a message causes: who acted and for whom, the command,
 * the conversation it belongs to (correlation) and the message that directly caused it
 * (causation). It replaces Axon's {@code MessageOriginProvider}, which would store causation
 * under {@code traceId}; that key stays free for tracing.
 */
@Component
public class AuditCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData meta = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.CORRELATION_ID, meta.getOrDefault(AuditMetadata.CORRELATION_ID, message.getIdentifier()));
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        if (message instanceof DeadlineMessage) {
            // a deadline fires on its own: the system acts, for no one
            data.put(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR);
        } else {
            data.put(AuditMetadata.ACTOR, meta.getOrDefault(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR));
            copy(meta, AuditMetadata.ON_BEHALF_OF, data);
        }
        if (message instanceof CommandMessage) {
            data.put(AuditMetadata.COMMAND_ID, message.getIdentifier());
        } else {
            copy(meta, AuditMetadata.COMMAND_ID, data);
        }
        return data;
    }

    private static void copy(MetaData meta, String key, Map<String, Object> data) {
        Object value = meta.get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
