package org.crisiscoordination.edge.security;

import org.crisiscoordination.kernel.region.Party;

import java.util.Optional;
import java.util.Set;

/**
 * Who makes a request, as its verified token says: the subject and the issuer that vouches for it,
 * the roles it holds and the party it represents, if any.
 */
public record Caller(String subject, String issuer, Set<Role> roles, Party represents) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The name events record as their {@code actor}: the issuer, {@code #}, the subject (as
     * Kubernetes names the users of an OpenID Connect issuer), so that two issuers' subjects of the
     * same name stay two actors.
     */
    public String actor() {
        return issuer + "#" + subject;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<Party> party() {
        return Optional.ofNullable(represents);
    }
}
