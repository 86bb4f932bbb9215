package org.crisiscoordination.query.web;

/** A read of something no event ever created; answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
