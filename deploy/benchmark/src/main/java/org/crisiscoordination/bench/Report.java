package org.crisiscoordination.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's figures as the ratios the issue asks for and as markdown tables. */
final class Report {

    private Report() {
    }

    static Map<String, Object> ratios(Map<String, Object> report) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("commandsToLimitAppend", Phase.round(number(report, "ours.commands.commandsPerSecond")
                / number(report, "ours.limitAppend.rowsPerSecond")));
        ratios.put("replayToLimitScan", number(report, "ours.replayToLimitScan"));
        if (report.containsKey("axonDefaults")) {
            ratios.put("commandsOursToDefaults", ratio(report, "commands.commandsPerSecond"));
            // for latencies, defaults / ours: above 1 means ours is faster
            ratios.put("visibilityAtRestP99DefaultsToOurs", 1 / ratio(report, "visibility.atRest.p99Millis"));
            ratios.put("visibilityUnderLoadP99DefaultsToOurs", 1 / ratio(report, "visibility.underHalfRate.p99Millis"));
            ratios.put("replayOursToDefaults", ratio(report, "replay.eventsPerSecond"));
        }
        ratios.replaceAll((name, value) -> value instanceof Double d ? Phase.round(d) : value);
        return ratios;
    }

    static String markdown(Map<String, Object> r) {
        boolean peer = r.containsKey("axonDefaults");
        StringBuilder md = new StringBuilder();
        md.append("| figure | ours | Axon defaults | ratio |\n|---|---:|---:|---:|\n");
        int c = (int) number(r, "ours.commands.concurrency");
        row(md, "limit-append: raw inserts/s, one per transaction, " + c + " connections",
                fmt(number(r, "ours.limitAppend.rowsPerSecond")), "", "");
        row(md, "commands/s, " + c + " clients (60% raise, 30% escalate/de-escalate, 10% refer)",
                fmt(number(r, "ours.commands.commandsPerSecond")), peer ? fmt(number(r, "axonDefaults.commands.commandsPerSecond")) : "",
                peer ? "ours/defaults " + fmt(number(r, "ratios.commandsOursToDefaults")) : "");
        row(md, "commands / limit-append", fmt(number(r, "ratios.commandsToLimitAppend")), "", "");
        row(md, "command latency p50 / p95 / p99 ms", latencies(r, "ours.commands"),
                peer ? latencies(r, "axonDefaults.commands") : "", "");
        row(md, "command errors", fmt(number(r, "ours.commands.errors")),
                peer ? fmt(number(r, "axonDefaults.commands.errors")) : "", "");
        row(md, "visibility at rest p50 / p99 ms", visibility(r, "ours.visibility.atRest"),
                peer ? visibility(r, "axonDefaults.visibility.atRest") : "",
                peer ? "defaults/ours p99 " + fmt(number(r, "ratios.visibilityAtRestP99DefaultsToOurs")) : "");
        row(md, "visibility at half rate p50 / p99 ms (load commands/s)",
                visibility(r, "ours.visibility.underHalfRate") + " (" + fmt(number(r, "ours.visibility.underHalfRate.loadCommandsPerSecond")) + ")",
                peer ? visibility(r, "axonDefaults.visibility.underHalfRate") + " ("
                        + fmt(number(r, "axonDefaults.visibility.underHalfRate.loadCommandsPerSecond")) + ")" : "",
                peer ? "defaults/ours p99 " + fmt(number(r, "ratios.visibilityUnderLoadP99DefaultsToOurs")) : "");
        row(md, "replay of the crisis board, events/s (events)",
                fmt(number(r, "ours.replay.eventsPerSecond")) + " (" + fmt(number(r, "ours.replay.events")) + ")",
                peer ? fmt(number(r, "axonDefaults.replay.eventsPerSecond")) + " (" + fmt(number(r, "axonDefaults.replay.events")) + ")" : "",
                peer ? "ours/defaults " + fmt(number(r, "ratios.replayOursToDefaults")) : "");
        row(md, "limit-scan: keyset scan rows/s, batches of 1,000", fmt(number(r, "ours.limitScan.rowsPerSecond")), "", "");
        row(md, "replay / limit-scan", fmt(number(r, "ratios.replayToLimitScan")), "", "");
        row(md, "start to healthy s: command / query service",
                fmt(number(r, "ours.resources.secondsToHealthy.command-service")) + " / "
                        + fmt(number(r, "ours.resources.secondsToHealthy.query-service")),
                peer ? fmt(number(r, "axonDefaults.resources.secondsToHealthy.command-service")) + " / "
                        + fmt(number(r, "axonDefaults.resources.secondsToHealthy.query-service")) : "", "");
        row(md, "launcher start to Ready s", fmt(number(r, "ours.resources.secondsToReady")),
                peer ? fmt(number(r, "axonDefaults.resources.secondsToReady")) : "", "");
        row(md, "resident MiB after the run: launcher / command / query",
                fmt(number(r, "ours.resources.residentMiB.launcher")) + " / "
                        + fmt(number(r, "ours.resources.residentMiB.command-service")) + " / "
                        + fmt(number(r, "ours.resources.residentMiB.query-service")),
                peer ? fmt(number(r, "axonDefaults.resources.residentMiB.launcher")) + " / "
                        + fmt(number(r, "axonDefaults.resources.residentMiB.command-service")) + " / "
                        + fmt(number(r, "axonDefaults.resources.residentMiB.query-service")) : "", "");

        md.append("\n| clients | commands/s | p50 ms | p99 ms | errors |\n|---:|---:|---:|---:|---:|\n");
        for (Object point : (List<?>) value(r, "ours.commandCurve")) {
            Map<?, ?> p = (Map<?, ?>) point;
            md.append("| ").append(p.get("concurrency")).append(" | ").append(fmt(((Number) p.get("commandsPerSecond")).doubleValue()))
                    .append(" | ").append(p.get("p50Millis")).append(" | ").append(p.get("p99Millis"))
                    .append(" | ").append(p.get("errors")).append(" |\n");
        }
        md.append("\n| events N | replay events/s | µs per event |\n|---:|---:|---:|\n");
        for (Object point : (List<?>) value(r, "ours.replayCurve")) {
            Map<?, ?> p = (Map<?, ?>) point;
            md.append("| ").append(p.get("events")).append(" | ").append(fmt(((Number) p.get("eventsPerSecond")).doubleValue()))
                    .append(" | ").append(p.get("microsecondsPerEvent")).append(" |\n");
        }
        md.append("\nMachine: ").append(value(r, "machine.cores")).append(" cores, ").append(value(r, "machine.memoryGiB"))
                .append(" GiB, load average before ").append(value(r, "machine.loadAverage")).append(", after ")
                .append(r.get("loadAverageAfter")).append("; PostgreSQL ").append(value(r, "database.server_version"))
                .append(" (").append(value(r, "database.kind")).append(", fsync ").append(value(r, "database.fsync"))
                .append(", synchronous_commit ").append(value(r, "database.synchronous_commit")).append(").\n");
        return md.toString();
    }

    private static String latencies(Map<String, Object> r, String at) {
        return fmt(number(r, at + ".p50Millis")) + " / " + fmt(number(r, at + ".p95Millis")) + " / "
                + fmt(number(r, at + ".p99Millis"));
    }

    private static String visibility(Map<String, Object> r, String at) {
        return fmt(number(r, at + ".p50Millis")) + " / " + fmt(number(r, at + ".p99Millis"));
    }

    private static void row(StringBuilder md, String figure, String ours, String defaults, String ratio) {
        md.append("| ").append(figure).append(" | ").append(ours).append(" | ").append(defaults).append(" | ")
                .append(ratio).append(" |\n");
    }

    private static double ratio(Map<String, Object> report, String path) {
        return number(report, "ours." + path) / number(report, "axonDefaults." + path);
    }

    static double number(Map<String, Object> report, String path) {
        Object value = value(report, path);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A value by its dotted path; map keys may hold hyphens but no dots. */
    static Object value(Map<String, Object> report, String path) {
        Object at = report;
        for (String key : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
