package org.crisiscoordination.command.powertrack;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.crisiscoordination.command.channel.CloseChannelOfResolvedCrisis;
import org.crisiscoordination.command.crisis.RecordPowerTrackClosed;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.MajorPowerChannelClosed;
import org.crisiscoordination.kernel.crisis.PowerTrackClosed;
import org.springframework.stereotype.Component;

/**
 * Keeps a crisis and its channel in step. It is a subscribing event handler: it runs in the unit of
 * work, and so the database transaction, that appended the event it handles, and its failure
 * fails that transaction. So a crisis resolves only together with the closing of its channel —
 * there is no moment in which the channel of a resolved crisis still takes commands — and a
 * channel closes only together with the record of it in its crisis's stream.
 */
@Component
@ProcessingGroup(PowerTrackSynchronisation.NAME)
public class PowerTrackSynchronisation {

    public static final String NAME = "power-track-synchronisation";

    private final CommandGateway commands;

    public PowerTrackSynchronisation(CommandGateway commands) {
        this.commands = commands;
    }

    /** Resolving the crisis closed its power track: close the channel itself. */
    @EventHandler
    void on(PowerTrackClosed event) {
        if (event.outcome() == ChannelOutcome.CRISIS_RESOLVED) {
            commands.sendAndWait(new CloseChannelOfResolvedCrisis(event.channelId()));
        }
    }

    /** A participant closed the channel: record it in the crisis's stream. */
    @EventHandler
    void on(MajorPowerChannelClosed event) {
        if (event.outcome() != ChannelOutcome.CRISIS_RESOLVED) {
            commands.sendAndWait(new RecordPowerTrackClosed(event.crisisId(), event.channelId(), event.outcome()));
        }
    }
}
