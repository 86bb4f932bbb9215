package org.crisiscoordination.kernel.audit;

import org.crisiscoordination.kernel.validation.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a write answers so that a later read can wait for it: the highest global position the write
 * appended. Clients treat it as opaque text; the query service reads it back with {@link #parse}.
 */
public record ConsistencyToken(long position) {

    private static final String PREFIX = "p1:";
    private static final Pattern DECODED = Pattern.compile("p1:(0|[1-9][0-9]{0,18})");

    public ConsistencyToken {
        if (position < 0) {
            throw new InvalidValueException("", "a position is never negative");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    public static ConsistencyToken parse(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token == null ? "" : token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (!DECODED.matcher(decoded).matches()) {
            throw new InvalidValueException("X-Consistency-Token", "is not a consistency token this system issued");
        }
        try {
            return new ConsistencyToken(Long.parseLong(decoded.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("X-Consistency-Token", "is not a consistency token this system issued");
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
