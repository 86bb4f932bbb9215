package org.crisiscoordination.edge.security;

import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a verified JWT as a {@link Caller}: {@code sub} and {@code iss} (both required), the roles
 * from the claim {@code crisis.security.roles-claim} names (a list or a space-separated string; a
 * dotted name reaches into an object, as Keycloak's {@code realm_access.roles}), and the party from
 * {@code crisis.security.party-claim}. Roles it does not know are ignored; a party it does not
 * know makes the token invalid, since it could not be recorded.
 */
public class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String partyClaim;

    public CallerConverter(String rolesClaim, String partyClaim) {
        this.rolesClaim = rolesClaim;
        this.partyClaim = partyClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        String issuer = jwt.getClaimAsString("iss");
        if (subject == null || subject.isBlank() || issuer == null || issuer.isBlank()) {
            throw new InvalidBearerTokenException("the token must name its subject (sub) and issuer (iss)");
        }
        Set<Role> roles = roles(claim(jwt.getClaims(), rolesClaim));
        Party represents = party(claim(jwt.getClaims(), partyClaim));
        Caller caller = new Caller(subject, issuer, roles, represents);
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new CallerAuthentication(caller, jwt, authorities);
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.trim().split("\\s+")) : List.of();
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Party party(Object claim) {
        if (claim == null) {
            return null;
        }
        try {
            return Party.of(String.valueOf(claim));
        } catch (InvalidValueException e) {
            throw new InvalidBearerTokenException("the token's party (represents) is no state, major power or organisation");
        }
    }
}
