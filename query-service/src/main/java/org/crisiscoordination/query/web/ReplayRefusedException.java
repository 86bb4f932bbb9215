package org.crisiscoordination.query.web;

/** A projection cannot be replayed now; answered 409. */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
