package org.crisiscoordination.query.web;

/** The read models did not reach a write's position within the allowed wait; answered 503. */
public class NotYetConsistentException extends RuntimeException {

    public NotYetConsistentException(long position) {
        super("the read models do not include the write at position " + position
                + " yet; retry shortly with the same X-Consistency-Token");
    }
}
