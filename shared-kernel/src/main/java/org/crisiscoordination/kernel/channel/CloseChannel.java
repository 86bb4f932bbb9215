package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

/** Closes a channel with an outcome a caller may choose; the note is optional. */
public record CloseChannel(@TargetAggregateIdentifier ChannelId channelId, ChannelOutcome outcome, String note) {

    public CloseChannel {
        Validator validator = new Validator().notNull("channelId", channelId).notNull("outcome", outcome)
                .optionalText("note", note, TextLimits.NOTE);
        if (outcome == ChannelOutcome.CRISIS_RESOLVED) {
            validator.reject("outcome", "CRISIS_RESOLVED is recorded by the system when the crisis resolves");
        }
        validator.throwIfInvalid();
    }
}
