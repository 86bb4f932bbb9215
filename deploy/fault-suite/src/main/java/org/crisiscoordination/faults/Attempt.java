package org.crisiscoordination.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * One try of a command, as the client saw it.
 *
 * @param status      the HTTP status, or {@link #NO_ANSWER} when the connection failed or timed out
 * @param failure     why nothing answered, else null
 * @param contentType the answer's Content-Type, else null
 * @param retryAfter  the answer's Retry-After, else null
 * @param replayed    whether the answer says it replays an earlier one (Idempotent-Replayed)
 * @param problem     the body of a refusal (at most 300 characters), else null
 */
record Attempt(Instant sent, Duration took, int status, String failure, String contentType, String retryAfter,
               boolean replayed, String problem) {

    static final int NO_ANSWER = -1;

    boolean acknowledged() {
        return status >= 200 && status < 300;
    }

    /** 503, as a problem document that says when to come back. */
    boolean wellFormedUnavailable() {
        return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                && retryAfter != null && !retryAfter.isBlank();
    }

    /** Worth another try with the same key: nothing answered, the database was away, or a race was lost. */
    boolean retryable() {
        return status == NO_ANSWER || status == 503
                || status == 409 && problem != null && problem.contains("concurrent-write");
    }

    /** How the answer is counted: its status, or the kind of failure. */
    String outcome() {
        return status == NO_ANSWER ? "no answer (" + failure + ")" : Integer.toString(status);
    }
}
