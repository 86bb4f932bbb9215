package org.crisiscoordination.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * deploy/bench: one run measures the system and, on the same machine and PostgreSQL, the limits
 * PostgreSQL itself sets; it prints a markdown table and writes a JSON report.
 */
public final class Bench {

    /** Axon defaults that no property restores, so the peer keeps ours; the report says so. */
    static final List<String> NOT_RESTORED = List.of(
            "the query service's LISTEN/NOTIFY wake-up (AppendListener) has no switch: the peer's processors are still "
                    + "woken by each commit's NOTIFY, so the peer's visibility is better than Axon's 1 s polling would give",
            "the command service's NOTIFY after appends end, its snapshot-free loads and remembered hashes, and the "
                    + "readers' append watermark are part of the storage engines, not settings",
            "the query service's dead-letter sequence cache is configured in code, not by a property",
            "both services keep the launcher's JVM flags (128 MB heap, serial collector)",
            "the Jackson serializer stays: Axon's default XML serializer cannot read the events the store holds");

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("see deploy/bench --help");
            return;
        }
        try {
            Options options = Options.parse(args);
            Map<String, Object> report = run(options, System.getenv());
            System.out.println(Report.markdown(report));
            System.out.println("JSON report: " + options.report());
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("deploy/bench: the run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** One whole run; the report is also written to {@link Options#report()}. */
    static Map<String, Object> run(Options options, Map<String, String> env) throws Exception {
        for (Path jar : List.of(options.commandJar(), options.queryJar(), options.launcherJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is missing: build first (deploy/bench does)");
            }
        }
        Path workDir = Files.createTempDirectory("crisis-bench-");
        Phase.say("work directory (logs): " + workDir);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", machine());
        report.put("options", Phase.map("concurrency", options.concurrency(),
                "warmupSeconds", options.warmup().toMillis() / 1000.0,
                "durationSeconds", options.duration().toMillis() / 1000.0,
                "curveDurationSeconds", options.curveDuration().toMillis() / 1000.0,
                "visibilitySamples", options.visibilitySamples(), "replayEvents", options.replayEvents(),
                "replayPoints", options.replayPoints(), "curve", options.curve()));
        try (BenchDatabase database = BenchDatabase.create(env, workDir)) {
            report.put("database", database.describe());
            report.put("ours", new Phase(options, database, true).measure(workDir.resolve("ours"), null));
            if (options.peer()) {
                Map<String, Object> peer = new Phase(options, database, false)
                        .measure(workDir.resolve("axon-defaults"), "axon-defaults");
                peer.put("notRestoredByConfiguration", NOT_RESTORED);
                report.put("axonDefaults", peer);
            }
        }
        report.put("ratios", Report.ratios(report));
        Map<String, Object> machine = new LinkedHashMap<>(machine());
        report.put("loadAverageAfter", machine.get("loadAverage"));
        Files.createDirectories(options.report().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.report().toFile(), report);
        return report;
    }

    private static Map<String, Object> machine() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", memoryGiB());
        machine.put("loadAverage", Files.isReadable(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).trim() : "unknown");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return machine;
    }

    private static double memoryGiB() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return -1;
        }
        for (String line : Files.readAllLines(meminfo)) {
            if (line.startsWith("MemTotal:")) {
                return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0 * 10) / 10.0;
            }
        }
        return -1;
    }
}
