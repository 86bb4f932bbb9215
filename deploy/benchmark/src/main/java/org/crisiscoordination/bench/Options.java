package org.crisiscoordination.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What one run measures and for how long (see {@code deploy/bench --help}).
 *
 * @param root              the repository root, where the built jars are
 * @param concurrency       clients for limit-append, commands and the load behind visibility
 * @param warmup            how long the command mix runs before anything is measured, so that
 *                          both services' hot paths are compiled (the first figure was otherwise
 *                          about half the same figure measured a minute later)
 * @param duration          how long each throughput figure is measured
 * @param curveDuration     how long each point of the concurrency curve is measured
 * @param visibilitySamples how many commands are timed to the query service at rest
 * @param replayEvents      N: the store holds this many events for the replay figure
 * @param replayCurve       further store sizes the board is replayed at (cost per event vs N)
 * @param curve             the concurrencies of the commands curve
 * @param peer              whether to measure again under Axon's defaults
 * @param report            where the JSON report goes
 */
record Options(Path root, int concurrency, Duration warmup, Duration duration, Duration curveDuration, int visibilitySamples,
               long replayEvents, List<Long> replayCurve, List<Integer> curve, boolean peer, Path report) {

    static Options parse(String[] args) {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int concurrency = 16;
        Duration warmup = Duration.ofSeconds(30);
        Duration duration = Duration.ofSeconds(20);
        Duration curveDuration = null;
        int samples = 100;
        long replayEvents = 200_000;
        List<Long> replayCurve = new ArrayList<>(List.of(10_000L, 100_000L));
        List<Integer> curve = List.of(1, 4, 16, 64);
        boolean peer = true;
        boolean smoke = false;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                case "--concurrency" -> concurrency = positive(value(args, ++i, arg), arg);
                case "--warmup" -> warmup = Duration.ofMillis(Math.round(1000 * Double.parseDouble(value(args, ++i, arg))));
                case "--duration" -> duration = Duration.ofMillis(Math.round(1000 * Double.parseDouble(value(args, ++i, arg))));
                case "--curve-duration" -> curveDuration = Duration.ofMillis(Math.round(1000 * Double.parseDouble(value(args, ++i, arg))));
                case "--visibility-samples" -> samples = positive(value(args, ++i, arg), arg);
                case "--replay-events" -> replayEvents = positive(value(args, ++i, arg), arg);
                case "--replay-curve" -> replayCurve = longs(value(args, ++i, arg), arg);
                case "--replay-million" -> replayCurve.add(1_000_000L);
                case "--curve" -> curve = longs(value(args, ++i, arg), arg).stream().map(Long::intValue).toList();
                case "--no-peer" -> peer = false;
                case "--report" -> report = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--smoke" -> smoke = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (try --help)");
            }
        }
        if (smoke) {
            // seconds, not minutes: every figure produced, none of them meaningful
            warmup = Duration.ofMillis(500);
            duration = Duration.ofMillis(1500);
            curveDuration = Duration.ofMillis(500);
            samples = 5;
            replayEvents = 300;
            replayCurve = new ArrayList<>(List.of(100L));
        }
        if (report == null) {
            report = root.resolve("target").resolve("bench-report.json");
        }
        return new Options(root, concurrency, warmup, duration, curveDuration == null ? duration.dividedBy(2) : curveDuration,
                samples, replayEvents, replayCurve, curve, peer, report);
    }

    /** The store sizes the board is replayed at, smallest first; N is one of them. */
    List<Long> replayPoints() {
        TreeSet<Long> points = new TreeSet<>(replayCurve);
        points.add(replayEvents);
        return List.copyOf(points);
    }

    Path commandJar() {
        return root.resolve("command-service/target/command-service.jar");
    }

    Path queryJar() {
        return root.resolve("query-service/target/query-service.jar");
    }

    Path launcherJar() {
        return root.resolve("deploy/launcher/target/launcher.jar");
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String name) {
        long parsed = Long.parseLong(value.replace("_", ""));
        if (parsed < 1 || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
        return (int) parsed;
    }

    private static List<Long> longs(String value, String name) {
        List<Long> values = new ArrayList<>();
        for (String part : value.split(",")) {
            values.add((long) positive(part.trim(), name));
        }
        return values;
    }
}
