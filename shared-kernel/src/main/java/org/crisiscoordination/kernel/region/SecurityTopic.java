package org.crisiscoordination.kernel.region;

import org.crisiscoordination.kernel.validation.Enums;

/**
 * The graduated agenda: cooperation starts with the easier topics of tier 1 and adds harder tiers
 * step by step.
 */
public enum SecurityTopic {
    DISASTER_RELIEF(1),
    MARITIME_SEARCH_AND_RESCUE(1),
    PUBLIC_HEALTH(1),
    COUNTER_PIRACY(1),
    COUNTER_TERRORISM(2),
    TRANSNATIONAL_CRIME(2),
    CYBER_SECURITY(2),
    MARITIME_SECURITY(2),
    NUCLEAR_SAFETY(2),
    TERRITORIAL_DISPUTE(3),
    MILITARY_CONFRONTATION(3),
    NON_PROLIFERATION(3);

    public static final int HIGHEST_TIER = 3;

    private final int tier;

    SecurityTopic(int tier) {
        this.tier = tier;
    }

    public int tier() {
        return tier;
    }

    public static SecurityTopic parse(String name) {
        return Enums.parse(SecurityTopic.class, name);
    }
}
