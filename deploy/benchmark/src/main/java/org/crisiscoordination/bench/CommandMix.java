package org.crisiscoordination.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command load: 60% crises raised, 30% escalations or de-escalations of existing crises, 10%
 * referrals of existing crises to ASEAN. Every command is valid, so any refusal is an error: a
 * crisis is owned by one client at a time (no lost races), its severity is known, and it is
 * referred once. Each command appends exactly one event.
 */
final class CommandMix {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A crisis this client raised, with what it knows of it. */
    static final class Crisis {
        final String id;
        int severity;

        Crisis(String id, int severity) {
            this.id = id;
            this.severity = severity;
        }
    }

    /**
     * @param commands how many commands answered, errors included
     * @param errors   commands that were refused or failed
     */
    record Result(int concurrency, double seconds, long commands, long errors, List<String> firstErrors,
                  Latencies latencies) {
        double perSecond() {
            return (commands - errors) / seconds;
        }
    }

    private final HttpClient http;
    private final String commandUrl;
    private final ConcurrentLinkedQueue<Crisis> unreferred = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Crisis> referred = new ConcurrentLinkedQueue<>();

    /** The {@code Authorization} header every write carries. */
    private final String authorization;

    CommandMix(HttpClient http, String commandUrl, String authorization) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.authorization = authorization;
    }

    /**
     * Runs the mix from {@code concurrency} clients until the duration has passed or, if given,
     * until that many commands have answered.
     *
     * @param perSecond a rate to hold the load to, or 0 for as fast as the clients go
     */
    Result run(int concurrency, Duration duration, double perSecond, long commandLimit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        AtomicLong nextSlot = new AtomicLong(start);
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Latencies.Recorder> recorders = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Latencies.Recorder recorder = new Latencies.Recorder();
            recorders.add(recorder);
            Thread client = new Thread(() -> {
                while (System.nanoTime() < deadline && (commandLimit == 0 || issued.incrementAndGet() <= commandLimit)) {
                    if (interval > 0) {
                        long slot = nextSlot.getAndAdd(interval);
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    long sent = System.nanoTime();
                    String error = next();
                    recorder.record(System.nanoTime() - sent);
                    if (error != null) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(error);
                        }
                    }
                }
            }, "bench-client-" + i);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<long[]> parts = recorders.stream().map(Latencies.Recorder::values).toList();
        Latencies latencies = new Latencies(parts);
        return new Result(concurrency, seconds, latencies.count(), errors.get(), List.copyOf(firstErrors), latencies);
    }

    /** One command of the mix; null if it was accepted, else what went wrong. */
    private String next() {
        double draw = ThreadLocalRandom.current().nextDouble();
        try {
            if (draw < 0.6) {
                raise();
                return null;
            }
            if (draw < 0.9) {
                Crisis crisis = referred.poll();
                ConcurrentLinkedQueue<Crisis> home = referred;
                if (crisis == null) {
                    crisis = unreferred.poll();
                    home = unreferred;
                }
                if (crisis == null) {
                    raise();
                    return null;
                }
                try {
                    changeSeverity(crisis);
                } finally {
                    home.add(crisis);
                }
                return null;
            }
            Crisis crisis = unreferred.poll();
            if (crisis == null) {
                raise();
                return null;
            }
            refer(crisis);
            referred.add(crisis);
            return null;
        } catch (RefusedException e) {
            return e.getMessage();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Raises a crisis that the mix will go on to escalate and refer. */
    long raise() throws IOException, InterruptedException {
        Crisis crisis = new Crisis(UUID.randomUUID().toString(), 2);
        long version = raise(crisis);
        unreferred.add(crisis);
        return version;
    }

    /** Raises a crisis of the caller's own, which the mix leaves alone. */
    long raise(Crisis crisis) throws IOException, InterruptedException {
        return post("/api/crises", """
                {"crisisId": "%s", "title": "Standoff at Second Thomas Shoal", "hotspot": "Second Thomas Shoal",
                 "topic": "MARITIME_SECURITY", "severity": %d, "involvedStates": ["PH", "CN"],
                 "summary": "A resupply mission was blocked by coast guard vessels near the shoal"}"""
                .formatted(crisis.id, crisis.severity), 201);
    }

    /** Escalates the crisis by one, or de-escalates it from the top or at random. */
    long changeSeverity(Crisis crisis) throws IOException, InterruptedException {
        boolean up = crisis.severity == 1 || (crisis.severity < 5 && ThreadLocalRandom.current().nextBoolean());
        int severity = up ? crisis.severity + 1 : crisis.severity - 1;
        long version = post("/api/crises/" + crisis.id + (up ? "/escalations" : "/de-escalations"), """
                {"severity": %d, "reason": "Water cannon used against the resupply boats"}""".formatted(severity), 200);
        crisis.severity = severity;
        return version;
    }

    private void refer(Crisis crisis) throws IOException, InterruptedException {
        post("/api/crises/" + crisis.id + "/referrals", """
                {"referralId": "%s", "organization": "ASEAN", "mandate": "Convene the ASEAN Regional Forum on the incident"}"""
                .formatted(UUID.randomUUID()), 201);
    }

    /** Sends one write and answers the version it produced. */
    private long post(String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new RefusedException(answer.statusCode() + " from POST " + path + ": " + answer.body());
        }
        Matcher version = VERSION.matcher(answer.body());
        if (!version.find()) {
            throw new RefusedException("no version in the answer to POST " + path + ": " + answer.body());
        }
        return Long.parseLong(version.group(1));
    }

    static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }
}
