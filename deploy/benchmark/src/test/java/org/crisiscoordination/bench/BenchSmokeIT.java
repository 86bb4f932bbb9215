package org.crisiscoordination.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seconds-long run of the bench against the built jars, so that it never rots: every figure
 * is produced (present, a number, positive where it must be), none of them judged as a timing.
 */
class BenchSmokeIT {

    private static final List<String> POSITIVE = List.of(
            "ours.limitAppend.rowsPerSecond", "ours.limitAppend.payloadBytes", "ours.limitAppend.metadataBytes",
            "ours.commands.commandsPerSecond", "ours.commands.p50Millis", "ours.commands.p95Millis",
            "ours.commands.p99Millis",
            "ours.visibility.atRest.p50Millis", "ours.visibility.atRest.p99Millis",
            "ours.visibility.underHalfRate.p50Millis", "ours.visibility.underHalfRate.p99Millis",
            "ours.visibility.underHalfRate.loadCommandsPerSecond",
            "ours.replay.events", "ours.replay.eventsPerSecond", "ours.limitScan.rowsPerSecond",
            "ours.replayToLimitScan",
            "ours.resources.secondsToHealthy.command-service", "ours.resources.secondsToHealthy.query-service",
            "ours.resources.secondsToReady", "ours.resources.residentMiB.launcher",
            "ours.resources.residentMiB.command-service", "ours.resources.residentMiB.query-service",
            "axonDefaults.commands.commandsPerSecond", "axonDefaults.commands.p99Millis",
            "axonDefaults.visibility.atRest.p99Millis", "axonDefaults.visibility.underHalfRate.p99Millis",
            "axonDefaults.replay.eventsPerSecond",
            "ratios.commandsToLimitAppend", "ratios.replayToLimitScan", "ratios.commandsOursToDefaults",
            "ratios.visibilityAtRestP99DefaultsToOurs", "ratios.visibilityUnderLoadP99DefaultsToOurs",
            "ratios.replayOursToDefaults", "machine.cores", "machine.memoryGiB");

    /** Counted, never judged: a busy machine may make a service answer 503 (its pool wait is bounded). */
    private static final List<String> COUNTED = List.of(
            "ours.commands.errors", "ours.visibility.atRest.failures", "ours.visibility.underHalfRate.failures",
            "ours.visibility.underHalfRate.loadErrors", "axonDefaults.commands.errors");

    @TempDir
    Path temp;

    @Test
    void aSmokeRunProducesEveryFigureOfTheReport() throws Exception {
        TestDatabase.Database database = TestDatabase.fresh();
        Path reportFile = temp.resolve("report.json");
        Options options = Options.parse(new String[] {"--root", System.getProperty("crisis.root"), "--smoke",
                "--report", reportFile.toString()});

        Map<String, String> env = new HashMap<>();
        env.put("CRISIS_DATABASE_URL", database.url());
        env.put("CRISIS_DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("CRISIS_DATABASE_PASSWORD", database.password());
        }
        Map<String, Object> run = Bench.run(options, env);

        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        for (String path : POSITIVE) {
            assertThat(at(report, path).isNumber()).as(path + " is a number").isTrue();
            assertThat(at(report, path).asDouble()).as(path).isPositive();
        }
        for (String path : COUNTED) {
            assertThat(at(report, path).isNumber()).as(path + " is a number").isTrue();
            assertThat(at(report, path).asLong()).as(path).isNotNegative();
        }
        assertThat(at(report, "ours.commandCurve").size()).isEqualTo(4);
        for (JsonNode point : at(report, "ours.commandCurve")) {
            assertThat(point.path("commandsPerSecond").asDouble()).isPositive();
            assertThat(point.path("p99Millis").asDouble()).isPositive();
            assertThat(point.path("errors").isNumber()).as(point.toString()).isTrue();
        }
        assertThat(at(report, "ours.replayCurve").size()).isEqualTo(options.replayPoints().size());
        for (JsonNode point : at(report, "ours.replayCurve")) {
            assertThat(point.path("events").asLong()).isPositive();
            assertThat(point.path("microsecondsPerEvent").asDouble()).isPositive();
        }
        assertThat(at(report, "database.server_version").asText()).isNotBlank();
        assertThat(at(report, "axonDefaults.notRestoredByConfiguration").size()).isPositive();
        assertThat(Report.markdown(run)).contains("| commands / limit-append |").doesNotContain("—");
    }

    private static JsonNode at(JsonNode report, String path) {
        JsonNode at = report;
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        return at;
    }
}
