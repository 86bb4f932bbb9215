package org.crisiscoordination.command.write;

import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.command.web.Headers;
import org.crisiscoordination.edge.security.Callers;
import org.crisiscoordination.edge.web.CorrelationIdFilter;
import org.crisiscoordination.kernel.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link WriteContext} from the caller's token and the headers, refusing malformed headers with 400. */
class WriteContextResolver implements HandlerMethodArgumentResolver {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern VERSION = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteContext.class;
    }

    @Override
    public WriteContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                        NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Validator headers = new Validator();
        String idempotencyKey = request.getHeader(Headers.IDEMPOTENCY_KEY);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            headers.reject(Headers.IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
        }
        Long expectedVersion = null;
        String ifMatch = request.getHeader(Headers.IF_MATCH);
        if (ifMatch != null) {
            Matcher version = VERSION.matcher(ifMatch.trim());
            if (version.matches()) {
                expectedVersion = Long.parseLong(version.group(1));
            } else {
                headers.reject(Headers.IF_MATCH, "must be a quoted version, such as \"3\", as the ETag of a read gives it");
            }
        }
        headers.throwIfInvalid();
        return new WriteContext(Callers.current(), CorrelationIdFilter.of(request), idempotencyKey, expectedVersion,
                request.getMethod(), request.getRequestURI());
    }
}
