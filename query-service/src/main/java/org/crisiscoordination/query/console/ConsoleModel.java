package org.crisiscoordination.query.console;

import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.edge.security.Caller;
import org.crisiscoordination.edge.security.CallerAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows of who is signed in. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** The page's own URL, query and all, which a live page fetches again when the projections move. */
    @ModelAttribute("self")
    String self(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }

    @ModelAttribute("caller")
    Caller caller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication signedIn
                ? signedIn.getPrincipal() : null;
    }
}
