package org.crisiscoordination.command.write;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a write, typed by its {@link WriteKind} so that a handler's signature says what it answers. */
public abstract sealed class WriteResponse extends ResponseEntity<WriteAnswer> {

    private WriteResponse(WriteAnswer body, HttpHeaders headers, HttpStatus status) {
        super(body, headers, status);
    }

    /** A new aggregate, with its Location. */
    public static final class AggregateCreated extends WriteResponse {
        AggregateCreated(WriteAnswer body, HttpHeaders headers, HttpStatus status) {
            super(body, headers, status);
        }
    }

    /** A new part of an aggregate, with the Location of the aggregate's read model. */
    public static final class PartCreated extends WriteResponse {
        PartCreated(WriteAnswer body, HttpHeaders headers, HttpStatus status) {
            super(body, headers, status);
        }
    }

    /** An aggregate changed. */
    public static final class Changed extends WriteResponse {
        Changed(WriteAnswer body, HttpHeaders headers, HttpStatus status) {
            super(body, headers, status);
        }
    }
}
