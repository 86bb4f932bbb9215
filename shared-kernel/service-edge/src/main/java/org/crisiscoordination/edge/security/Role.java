package org.crisiscoordination.edge.security;

import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.Party;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * What a caller is to the system, as its token says. A delegate and a liaison act for a party (the
 * token's {@code represents}), and only for one of the kind their role speaks for; the others act
 * for no one in particular.
 */
public enum Role {
    /** Runs the coordination: raises and moves crises, convenes and closes channels, sets the mechanism's agenda. */
    SECRETARIAT(party -> true),
    /** Speaks for a major power or a state, in channels and pledges. */
    DELEGATE(party -> party.majorPower().isPresent() || party.state().isPresent()),
    /** Answers referrals for a regional organisation. */
    LIAISON(party -> Arrays.stream(Organization.values()).anyMatch(o -> o.name().equals(party.code()))),
    /** Reads the record itself: timelines, the audit log, verification, exports. */
    AUDITOR(party -> true),
    /** Runs the projections. */
    OPERATOR(party -> true);

    private final Predicate<Party> mayRepresent;

    Role(Predicate<Party> mayRepresent) {
        this.mayRepresent = mayRepresent;
    }

    /** Whether a caller in this role may act for the party (a delegate for a state or major power, a liaison for an organisation). */
    public boolean mayRepresent(Party party) {
        return mayRepresent.test(party);
    }
}
