package org.crisiscoordination.edge.problem;

import java.net.URI;

/**
 * The catalogue of RFC 9457 problem types both services answer with. Each type URI is
 * {@value #URI_PREFIX} followed by the slug; docs/problem-types.md describes each.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", 400, "The request has invalid values"),
    MALFORMED_REQUEST("malformed-request", 400, "The request body is not the JSON this endpoint reads"),
    AUTHENTICATION_REQUIRED("authentication-required", 401, "A valid bearer token is required"),
    RIGHT_MISSING("right-missing", 403, "The caller does not hold the right this request takes"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    RULE_VIOLATED("rule-violated", 409, "A domain rule refuses the command"),
    CONCURRENT_WRITE("concurrent-write", 409, "A concurrent write to the same aggregate won"),
    REPLAY_REFUSED("replay-refused", 409, "The projection cannot be replayed now"),
    LOG_TAMPERED("log-tampered", 409, "The stored log no longer matches its last signed checkpoint"),
    VERSION_MISMATCH("version-mismatch", 412, "The version in If-Match is not the current one"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is larger than 64 KiB"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body must be application/json"),
    REQUEST_HEADERS_TOO_LARGE("request-headers-too-large", 431, "The request headers are larger than 8 KiB"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422,
            "The Idempotency-Key was already used with a different request body"),
    NOT_YET_CONSISTENT("not-yet-consistent", 503, "The read models do not include that write yet"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service cannot reach its database now"),
    INTERNAL_ERROR("internal-error", 500, "The service failed");

    public static final String URI_PREFIX = "urn:crisis-coordination:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The type of an answer a framework gives with just a status (405, 406, 415 and the like). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> RIGHT_MISSING;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> REQUEST_HEADERS_TOO_LARGE;
            default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL_ERROR;
        };
    }

    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
