package org.crisiscoordination.query.support;

import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.support.EventAppender.Appended;
import org.crisiscoordination.query.support.EventAppender.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the streams of crises, channels and the security mechanism as the command service
 * stores them, at times a test chooses: a convened channel is {@code PowerTrackOpened} in its
 * crisis's stream, then {@code MajorPowerChannelConvened} opening the channel's own. Remembers the
 * position of its last append, for a consistency token or a wait.
 */
public final class History {

    public static final String CRISIS = AggregateTypes.CRISIS;
    public static final String CHANNEL = AggregateTypes.CHANNEL;
    public static final String MECHANISM = AggregateTypes.MECHANISM;

    private final EventAppender store;
    private long last = -1;

    public History(EventAppender store) {
        this.store = store;
    }

    public Appended crisis(CrisisId crisis, Object event, Instant at) {
        return append(CRISIS, crisis.toString(), event, at);
    }

    public Appended channel(ChannelId channel, Object event, Instant at) {
        return append(CHANNEL, channel.toString(), event, at);
    }

    public Appended mechanism(Object event, Instant at) {
        return append(MECHANISM, MechanismId.ASIA_PACIFIC.value(), event, at);
    }

    /** A crisis of severity 3 (enough for a channel), raised at a time of the test's choosing. */
    public CrisisId raise(SecurityTopic topic, Instant at, String... involvedStates) {
        CrisisId crisis = CrisisId.random();
        crisis(crisis, new RegionalCrisisRaised(crisis, "Crisis " + crisis, "hotspot of " + crisis, topic,
                Severity.of(3), Arrays.stream(involvedStates).map(StateCode::of).toList(), "what happened"), at);
        return crisis;
    }

    /** Convenes a channel about the crisis; each participant is to acknowledge within the given time. */
    public ChannelId convene(CrisisId crisis, Instant at, Duration within, MajorPower... participants) {
        ChannelId channel = ChannelId.random();
        crisis(crisis, new PowerTrackOpened(crisis, channel), at);
        channel(channel, new MajorPowerChannelConvened(channel, crisis, List.of(participants),
                "agenda of " + channel, new AcknowledgementDeadline(within, at.plus(within))), at);
        return channel;
    }

    /** The global position of the last event this history appended. */
    public long last() {
        return last;
    }

    private Appended append(String type, String id, Object event, Instant at) {
        Appended appended = store.append(type, id, event, at, Caller.of("delegate@secretariat", null));
        last = appended.position();
        return appended;
    }
}
