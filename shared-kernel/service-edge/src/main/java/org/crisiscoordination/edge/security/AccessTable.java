package org.crisiscoordination.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service's rights as one table: each row names a method and path, the right it takes, and who
 * holds that right (anyone, any authenticated caller, or a role). The first row that matches a
 * request decides; a request no row matches takes an authenticated caller (and is then answered
 * 404 or 405 by the service). The security chain asks the table of every request; a right that
 * also depends on the party acted for is checked again once the request's body is read.
 */
public final class AccessTable implements AuthorizationManager<RequestAuthorizationContext> {

    /** Who holds a row's right. */
    public enum Holder { ANYONE, ANY_CALLER, ROLE }

    /**
     * @param right the right's name, as a 403 names it
     * @param role  the role that holds it, when {@code holder} is {@link Holder#ROLE}
     */
    public record Row(HttpMethod method, String path, String right, Holder holder, Role role) {

        /** Whether this caller holds the right; a delegate or liaison also needs a party of its role's kind. */
        public boolean heldBy(Caller caller) {
            return switch (holder) {
                case ANYONE, ANY_CALLER -> true;
                case ROLE -> caller.has(role) && (role != Role.DELEGATE && role != Role.LIAISON
                        || caller.party().filter(role::mayRepresent).isPresent());
            };
        }

        /** Why a caller without the right is refused, for the 403's detail. */
        public String requirement() {
            return switch (holder) {
                case ANYONE -> "no token";
                case ANY_CALLER -> "any valid token";
                case ROLE -> switch (role) {
                    case DELEGATE -> "a token with the role DELEGATE that represents a major power or a state";
                    case LIAISON -> "a token with the role LIAISON that represents a regional organisation";
                    default -> "a token with the role " + role;
                };
            };
        }
    }

    /** Open to anyone, with no token. */
    public static Row open(HttpMethod method, String path) {
        return new Row(method, path, "none", Holder.ANYONE, null);
    }

    /** Open to any caller with a valid token. */
    public static Row anyCaller(HttpMethod method, String path, String right) {
        return new Row(method, path, right, Holder.ANY_CALLER, null);
    }

    /** Only for callers with the role (a delegate or liaison representing a party of its kind). */
    public static Row role(HttpMethod method, String path, String right, Role role) {
        return new Row(method, path, right, Holder.ROLE, role);
    }

    /**
     * The rows both services share: health, the OpenAPI document and Swagger UI are open, so that
     * probes and readers of the contract need no token; the service's metrics are the operator's.
     */
    public static List<Row> serviceEndpoints() {
        return List.of(
                open(HttpMethod.GET, "/actuator/health"),
                open(HttpMethod.GET, "/actuator/health/**"),
                open(HttpMethod.GET, "/v3/api-docs"),
                open(HttpMethod.GET, "/v3/api-docs/**"),
                open(HttpMethod.GET, "/swagger-ui.html"),
                open(HttpMethod.GET, "/swagger-ui/**"),
                role(HttpMethod.GET, "/actuator/**", "read-service-metrics", Role.OPERATOR));
    }

    private final List<Row> rows;
    private final List<RequestMatcher> matchers;

    private AccessTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.matchers = rows.stream()
                .map(row -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(row.method(), row.path()))
                .toList();
    }

    @SafeVarargs
    public static AccessTable of(List<Row>... parts) {
        List<Row> rows = new ArrayList<>();
        for (List<Row> part : parts) {
            rows.addAll(part);
        }
        return new AccessTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row that decides a request, if any matches. */
    public Optional<Row> rowFor(HttpServletRequest request) {
        for (int i = 0; i < rows.size(); i++) {
            if (matchers.get(i).matches(request)) {
                return Optional.of(rows.get(i));
            }
        }
        return Optional.empty();
    }

    /** The row of a right, by its name. */
    public Row row(String right) {
        return rows.stream().filter(row -> row.right().equals(right)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no right named " + right));
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Optional<Row> row = rowFor(context.getRequest());
        if (row.isPresent() && row.get().holder() == Holder.ANYONE) {
            return new Decision(true, row.get());
        }
        Authentication who = authentication.get();
        if (!(who instanceof CallerAuthentication caller) || who instanceof AnonymousAuthenticationToken) {
            return new Decision(false, row.orElse(null));
        }
        return new Decision(row.map(r -> r.heldBy(caller.getPrincipal())).orElse(true), row.orElse(null));
    }

    /** A decision that remembers the row it was made by, so that a 403 can name the right. */
    public static final class Decision extends AuthorizationDecision {

        private final transient Row row;

        Decision(boolean granted, Row row) {
            super(granted);
            this.row = row;
        }

        public Optional<Row> row() {
            return Optional.ofNullable(row);
        }
    }
}
