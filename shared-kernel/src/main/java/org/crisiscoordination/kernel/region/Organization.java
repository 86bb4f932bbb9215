package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.validation.Enums;

import java.util.Collection;
import java.util.SortedSet;

/** The regional organisations of the mechanism track: the three subregional ones and the two widest forums. */
public enum Organization {
    ASEAN, SCO, SAARC, EAS, CICA;

    public SortedSet<StateCode> members() {
        return RegionalReferenceData.current().of(this).members();
    }

    /** Jurisdiction: the organisation may take up a crisis when one of its members is involved. */
    public boolean hasJurisdictionOver(Collection<StateCode> involvedStates) {
        return involvedStates.stream().anyMatch(members()::contains);
    }

    public static Organization parse(String name) {
        return Enums.parse(Organization.class, name);
    }
}
