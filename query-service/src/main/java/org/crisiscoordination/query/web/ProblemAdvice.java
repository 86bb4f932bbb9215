package org.crisiscoordination.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.kernel.problem.ProblemType;
import org.crisiscoordination.kernel.validation.FieldError;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/** The one place where failures become RFC 9457 answers; a user's mistake is never a 500. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e, HttpServletRequest request) {
        return Problems.invalid(ProblemType.INVALID_REQUEST, e.errors(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail invalidPathOrParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) {
                return invalid(invalid.under(e.getName()), request);
            }
        }
        FieldError error = new FieldError(e.getName(), "'" + e.getValue() + "' is not a valid value");
        return Problems.invalid(ProblemType.INVALID_REQUEST, List.of(error), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail replayRefused(ReplayRefusedException e, HttpServletRequest request) {
        return Problems.of(ProblemType.REPLAY_REFUSED, e.getMessage(), request);
    }

    @ExceptionHandler(NotYetConsistentException.class)
    ResponseEntity<ProblemDetail> notYetConsistent(NotYetConsistentException e, HttpServletRequest request) {
        return ResponseEntity.status(ProblemType.NOT_YET_CONSISTENT.status())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(ProblemType.NOT_YET_CONSISTENT, e.getMessage(), request));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failed(Exception e, HttpServletRequest request) {
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(ProblemType.INTERNAL_ERROR,
                "the service failed; quote the correlation id when you report it", request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldError error = new FieldError(e.getParameterName(), "is required");
        return ResponseEntity.badRequest().body(Problems.invalid(ProblemType.INVALID_REQUEST, List.of(error),
                ((ServletWebRequest) request).getRequest()));
    }

    /** Spring MVC's own refusals (400, 404, 405, 406, 415) in the catalogue's terms. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : e.getMessage();
        return new ResponseEntity<>(Problems.of(ProblemType.forStatus(status.value()), detail, servletRequest), headers, status);
    }

}
