package org.crisiscoordination.query.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.crisiscoordination.edge.security.CallerAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;

/**
 * The console's own security chain, ahead of the API's: a browser cannot attach a bearer token to
 * a link or an {@code EventSource}, so the console takes the token once, on its sign-in form,
 * verifies it with the service's own JWT decoder and keeps the caller in a server-side session
 * (the cookie carries only the session's id). Being a cookie session, every form that changes
 * something carries a CSRF token. A session lasts no longer than its token.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";

    @Bean
    SecurityContextRepository consoleSessions() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleChain(HttpSecurity http, SecurityContextRepository consoleSessions) throws Exception {
        return http
                .securityMatcher("/console/**", "/webjars/**")
                .securityContext(context -> context.securityContextRepository(consoleSessions))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                                        + " frame-ancestors 'none'; form-action 'self'")))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(SIGN_IN, "/console/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .addFilterAfter(new TokenLifetime(), SecurityContextHolderFilter.class)
                .build();
    }

    /** Ends a session whose token has expired: its caller must sign in again with a fresh one. */
    static final class TokenLifetime extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof CallerAuthentication caller && caller.getCredentials() != null
                    && caller.getCredentials().getExpiresAt() != null
                    && caller.getCredentials().getExpiresAt().isBefore(Instant.now())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
