package org.crisiscoordination.kernel.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/** Correlation ids: a caller's own is kept when it is 1 to 128 visible ASCII characters. */
public final class CorrelationIds {

    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private CorrelationIds() {
    }

    /** The caller's id if it is acceptable, else a new one: a correlation id never fails a request. */
    public static String acceptOrGenerate(String supplied) {
        return supplied != null && ACCEPTABLE.matcher(supplied).matches() ? supplied : UUID.randomUUID().toString();
    }
}
