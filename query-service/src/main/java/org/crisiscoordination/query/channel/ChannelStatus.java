package org.crisiscoordination.query.channel;

/** A channel is OPEN from its convening until it is CLOSED; the read models' CHECK constraints hold these names. */
public enum ChannelStatus {
    OPEN, CLOSED
}
