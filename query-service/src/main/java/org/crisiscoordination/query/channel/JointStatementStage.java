package org.crisiscoordination.query.channel;

/** How far a channel has come towards a joint statement: NONE proposed yet, one PROPOSED, or one ADOPTED. */
public enum JointStatementStage {
    NONE, PROPOSED, ADOPTED
}
