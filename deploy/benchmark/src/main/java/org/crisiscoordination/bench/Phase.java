package org.crisiscoordination.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One configuration of the system measured: started by the launcher, warmed up, then commands,
 * visibility and replay; the full phase (ours) also measures PostgreSQL's limits, the curve and
 * the processes' memory.
 */
final class Phase {

    private final Options options;
    private final BenchDatabase database;
    private final PostgresLimits limits;
    private final boolean full;

    Phase(Options options, BenchDatabase database, boolean full) {
        this.options = options;
        this.database = database;
        this.limits = new PostgresLimits(database);
        this.full = full;
    }

    Map<String, Object> measure(Path workDir, String profile) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        Files.createDirectories(workDir);
        say("starting the system" + (profile == null ? "" : " with profile " + profile));
        try (RunningSystem system = RunningSystem.start(options, database, workDir, profile)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            CommandMix mix = new CommandMix(http, system.commandUrl(), system.authorization());
            int concurrency = options.concurrency();

            say("warming up");
            mix.run(concurrency, options.warmup(), 0, 0);
            if (full) {
                PostgresLimits.EventShape shape = limits.shapeOfStoredEvents();
                say("limit-append: raw inserts, " + concurrency + " connections");
                double rows = limits.append(concurrency, options.duration(), shape);
                figures.put("limitAppend", map("concurrency", concurrency, "rowsPerSecond", round(rows),
                        "payloadBytes", shape.payloadBytes(), "metadataBytes", shape.metadataBytes()));
            }

            say("commands: " + concurrency + " clients for " + options.duration().toMillis() / 1000.0 + " s");
            CommandMix.Result commands = mix.run(concurrency, options.duration(), 0, 0);
            figures.put("commands", commandFigures(commands));

            Visibility visibility = new Visibility(http, mix, system.queryUrl(), system.authorization());
            say("visibility at rest");
            Visibility.Result atRest = visibility.sample(options.visibilitySamples(), Duration.ofMinutes(2));
            double halfRate = commands.perSecond() / 2;
            say("visibility under " + Math.round(halfRate) + " commands/s");
            AtomicReference<CommandMix.Result> load = new AtomicReference<>();
            AtomicReference<Exception> loadFailure = new AtomicReference<>();
            Thread loader = new Thread(() -> {
                try {
                    load.set(mix.run(concurrency, options.duration(), halfRate, 0));
                } catch (Exception e) {
                    loadFailure.set(e);
                }
            }, "half-rate-load");
            loader.start();
            Visibility.Result underLoad = visibility.sample(Integer.MAX_VALUE, options.duration());
            loader.join();
            if (loadFailure.get() != null) {
                throw loadFailure.get();
            }
            figures.put("visibility", map(
                    "atRest", visibilityFigures(atRest, null),
                    "underHalfRate", visibilityFigures(underLoad, load.get())));

            if (full) {
                List<Object> curve = new ArrayList<>();
                for (int clients : options.curve()) {
                    say("curve: " + clients + " clients");
                    curve.add(commandFigures(mix.run(clients, options.curveDuration(), 0, 0)));
                }
                figures.put("commandCurve", curve);
            }

            Replay replay = new Replay(http, system.queryUrl(), system.authorization());
            List<Object> replays = new ArrayList<>();
            List<Long> points = full ? options.replayPoints() : List.of(0L);
            for (long point : points) {
                load(mix, point);
                long[] headAndCount = limits.headAndCount();
                say("replay of the crisis board over " + headAndCount[1] + " events");
                Replay.Result result = replay.run(headAndCount[1], headAndCount[0]);
                replays.add(map("events", result.events(), "seconds", round(result.seconds()),
                        "eventsPerSecond", round(result.perSecond()),
                        "microsecondsPerEvent", round(result.microsecondsPerEvent())));
                if (point == options.replayEvents() || !full) {
                    figures.put("replay", replays.get(replays.size() - 1));
                    if (full) {
                        say("limit-scan over " + headAndCount[1] + " events");
                        double[] scan = limits.scan();
                        figures.put("limitScan", map("rows", (long) scan[1], "rowsPerSecond", round(scan[0])));
                        figures.put("replayToLimitScan", round(result.perSecond() / scan[0]));
                    }
                }
            }
            if (full) {
                figures.put("replayCurve", replays);
            }
            figures.put("resources", map("secondsToHealthy", system.secondsToHealthy(),
                    "secondsToReady", system.secondsToReady(), "residentMiB", system.residentMegabytes()));
        }
        return figures;
    }

    /** Appends through the real path (HTTP commands of the mix) until the store holds that many events. */
    private void load(CommandMix mix, long events) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            long missing = events - limits.headAndCount()[1];
            if (missing <= 0) {
                return;
            }
            say("loading " + missing + " events through HTTP commands");
            CommandMix.Result result = mix.run(options.concurrency(), Duration.ofHours(3), 0, missing);
            if (result.errors() > 0) {
                throw new IllegalStateException("loading failed: " + result.firstErrors());
            }
        }
    }

    static Map<String, Object> commandFigures(CommandMix.Result result) {
        Latencies latencies = result.latencies();
        return map("concurrency", result.concurrency(), "commands", result.commands(),
                "commandsPerSecond", round(result.perSecond()), "p50Millis", latencies.percentile(50),
                "p95Millis", latencies.percentile(95), "p99Millis", latencies.percentile(99),
                "errors", result.errors(), "firstErrors", result.firstErrors());
    }

    private static Map<String, Object> visibilityFigures(Visibility.Result result, CommandMix.Result load) {
        Map<String, Object> figures = map("samples", result.latencies().count(),
                "p50Millis", result.latencies().percentile(50), "p99Millis", result.latencies().percentile(99),
                "failures", result.failures());
        if (load != null) {
            figures.put("loadCommandsPerSecond", round(load.perSecond()));
            figures.put("loadErrors", load.errors());
        }
        return figures;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static double round(double value) {
        return value >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000.0;
    }

    private static final long STARTED = System.nanoTime();

    static void say(String what) {
        System.err.printf("[bench %6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }
}
