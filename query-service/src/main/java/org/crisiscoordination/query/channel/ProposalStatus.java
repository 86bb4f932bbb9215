package org.crisiscoordination.query.channel;

/** A joint-statement proposal is CURRENT until a newer one REPLACES it or it is ADOPTED. */
public enum ProposalStatus {
    CURRENT, REPLACED, ADOPTED
}
