package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.validation.Enums;

import java.util.SortedSet;

/** The exclusive mini-lateral blocs: observed in a hotspot, never a coordination channel. */
public enum MinilateralBloc {
    US_JP_KR, QUAD, AUKUS;

    public SortedSet<StateCode> members() {
        return RegionalReferenceData.current().of(this).members();
    }

    public static MinilateralBloc parse(String name) {
        return Enums.parse(MinilateralBloc.class, name);
    }
}
