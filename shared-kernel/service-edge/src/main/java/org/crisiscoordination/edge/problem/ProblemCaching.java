package org.crisiscoordination.edge.problem;

import org.crisiscoordination.edge.web.AnswerHeadersFilter;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** A problem answer describes one request's failure: no cache may keep it, not even a read's. */
@ControllerAdvice
public class ProblemCaching implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        // on the servlet response itself, replacing the filter's value rather than adding a second one
        if (body instanceof ProblemDetail && response instanceof ServletServerHttpResponse servlet) {
            servlet.getServletResponse().setHeader(HttpHeaders.CACHE_CONTROL, AnswerHeadersFilter.NO_STORE);
        }
        return body;
    }
}
