package org.crisiscoordination.kernel.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the participants of a channel are to acknowledge it: {@code within} the convening, so
 * {@code by} that instant. One value, since the instant is derived from the duration and neither
 * is read without the other.
 */
public record AcknowledgementDeadline(Duration within, Instant by) {

    public AcknowledgementDeadline {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(by, "by");
    }
}
