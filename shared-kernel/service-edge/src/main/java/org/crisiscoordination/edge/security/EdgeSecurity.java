package org.crisiscoordination.edge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Both services as OAuth2 resource servers: every request but the open ones needs a bearer JWT,
 * signed (RS256, or what {@code spring.security.oauth2.resourceserver.jwt.jws-algorithms} names)
 * by the key that Spring Boot's standard properties point at: {@code issuer-uri} (an identity
 * provider such as Keycloak, found by OpenID discovery), {@code jwk-set-uri}, or
 * {@code public-key-location} (deploy/run's own key). The service's {@link AccessTable} decides who
 * may do what; 401 and 403 are answered by {@link SecurityProblems}. No sessions, no CSRF: the
 * token is sent with every request and is not a cookie.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeSecurity {

    @Bean
    CallerConverter callerConverter(@Value("${crisis.security.roles-claim:roles}") String rolesClaim,
                                    @Value("${crisis.security.party-claim:represents}") String partyClaim) {
        return new CallerConverter(rolesClaim, partyClaim);
    }

    /** Also the firewall's {@code RequestRejectedHandler}, which Spring Security finds as a bean. */
    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTable rights, CallerConverter callers,
                                            SecurityProblems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // the services' own filter sets Cache-Control for reads and writes
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .authorizeHttpRequests(requests -> requests
                        // an error page or an async continuation belongs to a request already decided
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .anyRequest().access(rights))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
