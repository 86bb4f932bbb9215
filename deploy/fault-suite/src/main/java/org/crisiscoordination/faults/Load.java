package org.crisiscoordination.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writers sending new commands back to back, each command tried once (its resend comes later,
 * from {@link Resend}), and one reader asking the query service for the board. A writer that got
 * no answer at all waits a little before its next command, as a client whose server is down would.
 */
final class Load implements AutoCloseable {

    private static final Duration AFTER_NO_ANSWER = Duration.ofSeconds(1);
    private static final Duration BETWEEN_READS = Duration.ofMillis(50);

    private final Writes writes;
    private final Ledger ledger;
    private final String boardUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Attempt> reads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private Load(Writes writes, Ledger ledger, String queryUrl, String token) {
        this.writes = writes;
        this.ledger = ledger;
        this.boardUrl = queryUrl + "/api/crises?size=5";
        this.authorization = "Bearer " + token;
    }

    static Load start(Writes writes, Ledger ledger, String queryUrl, String token, int clients) {
        Load load = new Load(writes, ledger, queryUrl, token);
        for (int i = 0; i < clients; i++) {
            load.threads.add(started(load::write, "writer-" + i));
        }
        load.threads.add(started(load::read, "reader"));
        return load;
    }

    /** Every read of the board the reader made, in order. */
    List<Attempt> reads() {
        return List.copyOf(reads);
    }

    private void write() {
        while (running) {
            Command command = ledger.next();
            Attempt attempt = writes.send(command);
            ledger.answered(command, attempt);
            if (attempt.status() == Attempt.NO_ANSWER) {
                FaultDatabase.pause(AFTER_NO_ANSWER);
            }
        }
    }

    private void read() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(boardUrl)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).build();
        while (running) {
            Instant sent = Instant.now();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                reads.add(new Attempt(sent, Duration.ofNanos(System.nanoTime() - start), response.statusCode(), null,
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.headers().firstValue("Retry-After").orElse(null), false, null));
            } catch (IOException e) {
                reads.add(new Attempt(sent, Duration.ofNanos(System.nanoTime() - start), Attempt.NO_ANSWER,
                        e.getClass().getSimpleName(), null, null, false, null));
            } catch (InterruptedException e) {
                return;
            }
            FaultDatabase.pause(BETWEEN_READS);
        }
    }

    /** Stops sending new commands and waits for every try under way to be answered. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread started(Runnable task, String name) {
        Thread thread = new Thread(task, "load-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
