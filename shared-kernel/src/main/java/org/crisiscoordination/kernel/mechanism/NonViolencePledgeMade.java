package org.crisiscoordination.kernel.mechanism;

import org.crisiscoordination.kernel.region.Party;

/** A party pledged not to resort to violence and to prevent armed conflicts. */
public record NonViolencePledgeMade(MechanismId mechanismId, Party party) {
}
