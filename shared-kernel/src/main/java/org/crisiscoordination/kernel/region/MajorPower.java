package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.validation.Enums;

import java.util.Collection;
import java.util.Optional;

/** The participants of the major-power communication mechanism: five states and ASEAN as a bloc. */
public enum MajorPower {
    CN, US, RU, JP, IN, ASEAN;

    /** The state this power is, or empty for the ASEAN bloc. */
    public Optional<StateCode> state() {
        return this == ASEAN ? Optional.empty() : Optional.of(StateCode.of(name()));
    }

    /** The power a state is, if it is one of the five. */
    public static Optional<MajorPower> ofState(StateCode state) {
        for (MajorPower power : values()) {
            if (power.state().filter(state::equals).isPresent()) {
                return Optional.of(power);
            }
        }
        return Optional.empty();
    }

    /** ASEAN must take part in a channel about a crisis that involves one of its members. */
    public static boolean aseanConcerned(Collection<StateCode> involvedStates) {
        return Organization.ASEAN.hasJurisdictionOver(involvedStates);
    }

    public static MajorPower parse(String name) {
        return Enums.parse(MajorPower.class, name);
    }
}
