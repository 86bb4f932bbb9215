package org.crisiscoordination.kernel.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

import java.time.Duration;
import java.util.List;

/**
 * Convenes the major powers about a crisis. It is addressed to the crisis, whose stream records
 * {@code PowerTrackOpened}, so that two convenes at once cannot both open a channel.
 */
public record ConveneMajorPowerChannel(ChannelId channelId, @TargetAggregateIdentifier CrisisId crisisId,
                                       List<MajorPower> participants, String agenda, Duration acknowledgeWithin) {

    /** A channel is the major powers talking to each other: one alone is no channel. */
    public static final int MIN_PARTICIPANTS = 2;
    public static final Duration DEFAULT_ACKNOWLEDGE_WITHIN = Duration.ofHours(24);
    public static final Duration LONGEST_ACKNOWLEDGE_WITHIN = Duration.ofDays(30);

    public ConveneMajorPowerChannel {
        Validator validator = new Validator().notNull("channelId", channelId).notNull("crisisId", crisisId)
                .distinctElements("participants", participants)
                .text("agenda", agenda, TextLimits.AGENDA);
        // none at all is refused above ("must name at least one"); the message spells MIN_PARTICIPANTS
        if (participants != null && !participants.isEmpty() && participants.size() < MIN_PARTICIPANTS) {
            validator.reject("participants", "a channel needs at least two major powers");
        }
        if (acknowledgeWithin == null) {
            acknowledgeWithin = DEFAULT_ACKNOWLEDGE_WITHIN;
        } else if (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()
                || acknowledgeWithin.compareTo(LONGEST_ACKNOWLEDGE_WITHIN) > 0) {
            validator.reject("acknowledgeWithin", "must be a positive duration of at most " + LONGEST_ACKNOWLEDGE_WITHIN);
        }
        validator.throwIfInvalid();
        participants = List.copyOf(participants);
    }
}
