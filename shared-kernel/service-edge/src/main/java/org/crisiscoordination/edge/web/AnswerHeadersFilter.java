package org.crisiscoordination.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff}, so that no browser takes
 * a JSON answer for something it may run, and a {@code Cache-Control}: a write's answer is never
 * stored ({@code no-store}); a read may be kept but is checked again before every use
 * ({@code no-cache}, with its {@code ETag} where it has one). Problem answers are {@code no-store}
 * whatever the method (see {@code ProblemCaching}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AnswerHeadersFilter extends OncePerRequestFilter {

    public static final String NO_STORE = "no-store";
    public static final String NO_CACHE = "no-cache";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, isRead(request) ? NO_CACHE : NO_STORE);
        chain.doFilter(request, response);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
