package org.crisiscoordination.command.write;

import org.crisiscoordination.command.web.Headers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a kind of write answers and which headers it honours: the one source of both the server's
 * behaviour and the OpenAPI document. A handler's return type names its kind, and the compiler
 * ties it to the {@link Write} factory the handler calls, so the two cannot disagree.
 *
 * @param <R> the answer a handler of this kind returns
 */
public final class WriteKind<R extends WriteResponse> {

    /** A new aggregate: 201 with a Location; it has no version yet, so {@code If-Match} does not apply. */
    public static final WriteKind<WriteResponse.AggregateCreated> CREATES_AGGREGATE = new WriteKind<>(
            WriteResponse.AggregateCreated.class, WriteResponse.AggregateCreated::new, HttpStatus.CREATED, false);
    /** A new part of an aggregate (a referral, a proposal): 201 with a Location; {@code If-Match} applies. */
    public static final WriteKind<WriteResponse.PartCreated> CREATES_PART = new WriteKind<>(
            WriteResponse.PartCreated.class, WriteResponse.PartCreated::new, HttpStatus.CREATED, true);
    /** A change of an aggregate: 200; {@code If-Match} applies. */
    public static final WriteKind<WriteResponse.Changed> CHANGES = new WriteKind<>(
            WriteResponse.Changed.class, WriteResponse.Changed::new, HttpStatus.OK, true);

    private static final List<WriteKind<?>> ALL = List.of(CREATES_AGGREGATE, CREATES_PART, CHANGES);

    private final Class<R> answer;
    private final Constructor<R> respond;
    private final HttpStatus status;
    private final boolean honoursIfMatch;

    private WriteKind(Class<R> answer, Constructor<R> respond, HttpStatus status,
                      boolean honoursIfMatch) {
        this.answer = answer;
        this.respond = respond;
        this.status = status;
        this.honoursIfMatch = honoursIfMatch;
    }

    /** The kind of write whose handler returns this type, if it is a write's answer. */
    public static Optional<WriteKind<?>> answeredBy(Class<?> returnType) {
        return ALL.stream().filter(kind -> kind.answer == returnType).findFirst();
    }

    /** It creates something, answered 201 with a {@code Location}. */
    public boolean creates() {
        return status == HttpStatus.CREATED;
    }

    public HttpStatus status() {
        return status;
    }

    /** {@code If-Match} makes the write conditional on the aggregate's version; otherwise it is ignored. */
    public boolean honoursIfMatch() {
        return honoursIfMatch;
    }

    R respond(WriteAnswer body, URI location, boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        if (location != null) {
            headers.setLocation(location);
        }
        if (replayed) {
            headers.set(Headers.IDEMPOTENT_REPLAYED, "true");
        }
        return respond.make(body, headers, status);
    }

    private interface Constructor<R> {
        R make(WriteAnswer body, HttpHeaders headers, HttpStatus status);
    }
}
