package org.crisiscoordination.edge.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.edge.web.CorrelationIdFilter;
import org.crisiscoordination.kernel.validation.FieldError;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Builds the RFC 9457 answers of the catalogue in {@link ProblemType}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("correlationId", CorrelationIdFilter.of(request));
        return problem;
    }

    /** An answer naming each refused field; its detail lists them all in one line. */
    public static ProblemDetail invalid(ProblemType type, List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = of(type, InvalidValueException.summary(errors), request);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** For answers given before Spring MVC sees the request, in servlet filters. */
    public static void write(ProblemDetail problem, HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
