package org.crisiscoordination.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals only reads give: unknown read-model entries, replays refused, writes not yet
 * projected. Everything else is answered by the service edge's shared advice, which comes after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadProblemAdvice {

    private static final String RETRY_AFTER_SECONDS = "1";

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
}
