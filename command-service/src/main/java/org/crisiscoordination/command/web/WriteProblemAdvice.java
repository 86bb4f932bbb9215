package org.crisiscoordination.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.crisiscoordination.command.checkpoint.LogTamperedException;
import org.crisiscoordination.command.idempotency.IdempotencyStore;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals only writes give: lost races, stale {@code If-Match} versions, reused idempotency
 * keys. Everything else is answered by the service edge's shared advice, which comes after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WriteProblemAdvice {

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail lostRace(ConcurrencyException e, HttpServletRequest request) {
        return Problems.of(ProblemType.CONCURRENT_WRITE,
                "concurrent writes to the same aggregate kept winning; read it again and retry", request);
    }

    @ExceptionHandler(VersionMismatchException.class)
    ProblemDetail versionMismatch(VersionMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VERSION_MISMATCH, e.getMessage(), request);
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail versionChangedMeanwhile(ConflictingAggregateVersionException e, HttpServletRequest request) {
        return Problems.of(ProblemType.VERSION_MISMATCH,
                "the version changed while the write ran: If-Match no longer holds; read it again and decide anew",
                request);
    }

    @ExceptionHandler(LogTamperedException.class)
    ProblemDetail logTampered(LogTamperedException e, HttpServletRequest request) {
        return Problems.of(ProblemType.LOG_TAMPERED, e.getMessage(), request);
    }

    @ExceptionHandler(IdempotencyStore.KeyReusedException.class)
    ProblemDetail keyReused(IdempotencyStore.KeyReusedException e, HttpServletRequest request) {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage(), request);
    }
}
