package org.crisiscoordination.command.support;

import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.testsupport.Api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A channel that every convene rule accepts, for tests that need "some valid channel" and not a
 * particular one: its participants are derived from the rules (each involved state that is a major
 * power, ASEAN when an involved state is a member, then others until there are
 * {@link ConveneMajorPowerChannel#MIN_PARTICIPANTS}), so that a change of the rules changes them
 * here and nowhere else. Without states, it is the channel about the crisis of {@link Crises#RAISE}.
 */
public final class ValidChannel {

    /** The participants of a valid channel about the crisis of {@link Crises#RAISE}. */
    public static final List<MajorPower> PARTICIPANTS = participantsFor(
            Crises.INVOLVED_STATES.stream().map(StateCode::of).toList());

    private ValidChannel() {
    }

    /** The fewest participants the convene rules accept for a crisis involving these states. */
    public static List<MajorPower> participantsFor(Collection<StateCode> involvedStates) {
        List<MajorPower> participants = new ArrayList<>(involvedStates.stream().map(MajorPower::ofState)
                .flatMap(Optional::stream).distinct().toList());
        if (MajorPower.aseanConcerned(involvedStates)) {
            participants.add(MajorPower.ASEAN);
        }
        for (MajorPower power : MajorPower.values()) {
            if (participants.size() >= ConveneMajorPowerChannel.MIN_PARTICIPANTS) {
                break;
            }
            if (!participants.contains(power)) {
                participants.add(power);
            }
        }
        return List.copyOf(participants);
    }

    /** {@link #PARTICIPANTS} as the API names them. */
    public static String[] participants() {
        return PARTICIPANTS.stream().map(MajorPower::name).toArray(String[]::new);
    }

    /** A valid convene body about the crisis of {@link Crises#RAISE}, with the default period. */
    public static String convene(String crisisId) {
        return Channels.convene(crisisId, participants());
    }

    /** A valid convene body; {@code channelId} and {@code acknowledgeWithin} are left out when null. */
    public static String conveneWith(String channelId, String crisisId, String acknowledgeWithin) {
        return Channels.conveneWith(channelId, crisisId, acknowledgeWithin, participants());
    }

    /** Convenes a valid channel about a crisis of {@link Crises#RAISE} and answers its id. */
    public static String convene(Api api, String crisisId) {
        return Channels.convene(api, crisisId, participants());
    }

}
