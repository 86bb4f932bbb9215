package org.crisiscoordination.edge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * The security chain's answers, in the catalogue's problem+json: 401 {@code authentication-required}
 * with {@code WWW-Authenticate: Bearer} (RFC 6750: with {@code error="invalid_token"} when a token
 * was sent but is not valid), and 403 {@code right-missing} naming the right. They are written
 * here, by the chain itself: it refuses before Spring MVC, whose advice never sees these requests.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean invalidToken = e instanceof OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer error=\"invalid_token\", error_description=\"" + quoted(e.getMessage()) + "\""
                : "Bearer");
        String detail = invalidToken
                ? "the bearer token is not valid: " + e.getMessage()
                : "send a valid bearer token (Authorization: Bearer <token>) to use this endpoint";
        Problems.write(Problems.of(ProblemType.AUTHENTICATION_REQUIRED, detail, request), response, json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        AccessTable.Row row = e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AccessTable.Decision decision
                ? decision.row().orElse(null) : null;
        ProblemDetail problem = row == null
                ? rightMissing("unknown", "the token does not hold the right this request takes", request)
                : rightMissing(row.right(), row.right() + " takes " + row.requirement(), request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        Problems.write(problem, response, json);
    }

    /**
     * A request the security chain's firewall refuses before anything reads it (an encoded line
     * break or a path that walks out of itself): 400, as any malformed request.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(Problems.of(ProblemType.INVALID_REQUEST,
                "the request's path or headers hold characters the service refuses", request), response, json);
    }

    /** The 403 of a missing right, the same whether the chain or the service found it missing. */
    public static ProblemDetail rightMissing(String right, String detail, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.RIGHT_MISSING, detail, request);
        problem.setProperty("right", right);
        return problem;
    }

    private static String quoted(String text) {
        return text == null ? "" : text.replaceAll("[\"\\\\\\p{Cntrl}]", " ");
    }
}
