package org.crisiscoordination.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a careful client does after a fault: it sends every command that was not acknowledged
 * again, with the same Idempotency-Key and body, until it is (waiting as Retry-After says after a
 * 503), or until the answer is a refusal that another try would not change.
 */
final class Resend {

    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private Resend() {
    }

    /** @return how many commands were sent again */
    static int unacknowledged(Writes writes, Ledger ledger, int clients) {
        List<Command> pending = ledger.unacknowledged();
        ConcurrentLinkedQueue<Command> queue = new ConcurrentLinkedQueue<>(pending);
        Instant deadline = Instant.now().plus(GIVE_UP);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                for (Command command = queue.poll(); command != null; command = queue.poll()) {
                    resend(writes, ledger, command, deadline);
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(GIVE_UP.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pending.size();
    }

    private static void resend(Writes writes, Ledger ledger, Command command, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            Attempt attempt = writes.send(command);
            ledger.answered(command, attempt);
            if (attempt.acknowledged() || !attempt.retryable()) {
                return;
            }
            FaultDatabase.pause(pauseAfter(attempt));
        }
    }

    private static Duration pauseAfter(Attempt attempt) {
        if (attempt.retryAfter() != null) {
            try {
                return Duration.ofSeconds(Math.min(5, Long.parseLong(attempt.retryAfter().trim())));
            } catch (NumberFormatException ignored) {
                // an HTTP date: the default below will do
            }
        }
        return Duration.ofMillis(500);
    }
}
