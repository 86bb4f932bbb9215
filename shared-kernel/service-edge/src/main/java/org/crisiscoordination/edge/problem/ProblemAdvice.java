package org.crisiscoordination.edge.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.edge.security.RightMissingException;
import org.crisiscoordination.edge.security.SecurityProblems;
import org.crisiscoordination.edge.web.BodySizeLimitFilter;
import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.crisiscoordination.kernel.validation.FieldError;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Where failures become RFC 9457 answers, in both services. A user's mistake is never a 500; only a
 * failure of the service itself is, and its answer reveals nothing but the correlation id. A
 * service answers its own exceptions in a small advice of its own, ordered before this one (this
 * one answers every {@link Exception} that no other advice claims).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    /** About how long the pool takes to notice the database is back. */
    private static final String RETRY_AFTER_SECONDS = "2";

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

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation e, HttpServletRequest request) {
        ProblemType type = e.rule().category() == Rule.Category.NOT_FOUND ? ProblemType.NOT_FOUND : ProblemType.RULE_VIOLATED;
        ProblemDetail problem = Problems.of(type, e.detail(), request);
        problem.setProperty("rule", e.rule().code());
        return problem;
    }

    @ExceptionHandler(RightMissingException.class)
    ProblemDetail rightMissing(RightMissingException e, HttpServletRequest request) {
        return SecurityProblems.rightMissing(e.right(), e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.isCause(e)) {
            log.warn("Request {} {} found the database unreachable: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            return ResponseEntity.status(ProblemType.SERVICE_UNAVAILABLE.status())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                            "the database cannot be reached now; retry after a few seconds", request));
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(Problems.of(ProblemType.INTERNAL_ERROR,
                "the service failed; quote the correlation id when you report it", request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.PayloadTooLargeException tooLarge) {
                return answer(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), servletRequest));
            }
            if (cause instanceof BodySizeLimitFilter.ByteOrderMarkException byteOrderMark) {
                return answer(Problems.of(ProblemType.MALFORMED_REQUEST, byteOrderMark.getMessage(), servletRequest));
            }
        }
        return answer(malformed(e, servletRequest));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldError error = new FieldError(e.getParameterName(), "is required");
        return ResponseEntity.badRequest().body(Problems.invalid(ProblemType.INVALID_REQUEST, List.of(error),
                ((ServletWebRequest) request).getRequest()));
    }

    /** Spring MVC's own refusals (405, 406, 415, missing parts, unknown paths) in the catalogue's terms. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : e.getMessage();
        ProblemDetail problem = Problems.of(ProblemType.forStatus(status.value()), detail, servletRequest);
        return new ResponseEntity<>(problem, headers, status);
    }

    private static ProblemDetail malformed(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !(cause instanceof JsonParseException)) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = cause instanceof UnrecognizedPropertyException
                    ? "is not a property of this request"
                    : cause instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType())
                    : mapping.getOriginalMessage();
            FieldError error = new FieldError(field.isEmpty() ? "body" : field, message);
            return Problems.invalid(ProblemType.MALFORMED_REQUEST, List.of(error), request);
        }
        if (cause instanceof InputCoercionException coercion) {
            FieldError error = new FieldError(fieldOf(coercion), "is out of range");
            return Problems.invalid(ProblemType.MALFORMED_REQUEST, List.of(error), request);
        }
        String detail = cause instanceof JsonParseException parse ? "the body is not valid JSON: " + parse.getOriginalMessage()
                : "the body is missing or is not JSON";
        return Problems.of(ProblemType.MALFORMED_REQUEST, detail, request);
    }

    /** The property a number too large for its field was given for. */
    private static String fieldOf(InputCoercionException coercion) {
        try {
            String name = coercion.getProcessor() == null ? null : coercion.getProcessor().currentName();
            return name == null ? "body" : name;
        } catch (java.io.IOException e) {
            return "body";
        }
    }

    /** What a value of the type the contract names looks like in JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong JSON type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return type.isRecord() ? "must be a JSON object" : "has the wrong JSON type";
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus())).body(problem);
    }

}
