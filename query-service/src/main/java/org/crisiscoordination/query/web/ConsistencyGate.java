package org.crisiscoordination.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.query.config.QueryServiceProperties;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;

/**
 * Read-your-writes: a read of a {@link ReadModel} carrying {@code X-Consistency-Token} is served
 * only once the projections include that write, waiting a bounded time and answering 503 (with
 * {@code Retry-After}) if they do not catch up. A malformed token is a 400.
 */
@Component
public class ConsistencyGate implements HandlerInterceptor {

    public static final String HEADER = "X-Consistency-Token";
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private final ProjectionProgress progress;
    private final Duration maxWait;

    public ConsistencyGate(ProjectionProgress progress, QueryServiceProperties properties) {
        this.progress = progress;
        this.maxWait = properties.consistency().maxWait();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String header = request.getHeader(HEADER);
        ReadModel readModel = handler instanceof HandlerMethod method ? method.getMethodAnnotation(ReadModel.class) : null;
        if (header == null || readModel == null) {
            return true;
        }
        long position = ConsistencyToken.parse(header).position();
        List<String> projections = List.of(readModel.value());
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (!progress.covers(position, projections)) {
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistentException(position);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
        return true;
    }
}
