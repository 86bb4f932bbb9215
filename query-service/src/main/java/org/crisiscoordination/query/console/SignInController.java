package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.edge.security.CallerConverter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in: the caller pastes a bearer token (deploy/token prints one); the service's JWT decoder
 * and the API's reading of its claims decide, exactly as for a request to the API.
 */
@Controller
@Hidden
class SignInController {

    private final JwtDecoder decoder;
    private final CallerConverter callers;
    private final SecurityContextRepository sessions;

    SignInController(JwtDecoder decoder, CallerConverter callers, SecurityContextRepository consoleSessions) {
        this.decoder = decoder;
        this.callers = callers;
        this.sessions = consoleSessions;
    }

    @GetMapping(ConsoleSecurity.SIGN_IN)
    String form() {
        return "console/sign-in";
    }

    @PostMapping(ConsoleSecurity.SIGN_IN)
    String signIn(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            var caller = callers.convert(decoder.decode(token.trim()));
            request.getSession(true);
            request.changeSessionId(); // a new session id for the signed-in caller
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(caller);
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
            return "redirect:/console/board";
        } catch (JwtException | AuthenticationException | IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("error", token.isBlank() ? "Paste a token first."
                    : "That token was not accepted: " + invalid.getMessage());
            return "console/sign-in";
        }
    }
}
