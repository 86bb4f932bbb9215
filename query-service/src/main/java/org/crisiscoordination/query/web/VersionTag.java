package org.crisiscoordination.query.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * The ETag of a crisis or channel read: its aggregate's version, for a write's {@code If-Match}.
 * It is set on the response directly, not through a {@code ResponseEntity}, because Spring would
 * then answer a matching {@code If-None-Match} with 304; but the view holds more than the
 * aggregate (a crisis's channel, a channel's pledges), so the same version may show a newer view.
 */
public final class VersionTag {

    private VersionTag() {
    }

    public static void set(HttpServletResponse response, long version) {
        response.setHeader(HttpHeaders.ETAG, "\"" + version + "\"");
    }
}
