package org.crisiscoordination.command.web;

import org.crisiscoordination.edge.web.CorrelationIdFilter;

/** The request and answer headers of the write API. */
public final class Headers {

    public static final String CORRELATION_ID = CorrelationIdFilter.HEADER;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String IF_MATCH = "If-Match";

    private Headers() {
    }
}
