package org.crisiscoordination.edge.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being handled. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller; only for requests the access table let through with a token. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return caller.getPrincipal();
        }
        throw new IllegalStateException("no authenticated caller: the access table lets no such request through");
    }
}
