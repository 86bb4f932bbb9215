package org.crisiscoordination.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One run of the fault suite: its own PostgreSQL, both services through the launcher, then each
 * scenario in turn on that one running system, and every command of every scenario counted again
 * at the end.
 */
final class FaultSuite {

    static final String ALL_SCENARIOS = "every command of every scenario, counted again at the end";

    private FaultSuite() {
    }

    static List<ScenarioResult> run(Options options) throws Exception {
        for (Path jar : List.of(options.commandJar(), options.queryJar(), options.launcherJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is missing: build first (deploy/faults does)");
            }
        }
        Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("crisis-faults-");
        Instant began = Instant.now();
        Say.line("deploy/faults: work directory (data and logs) " + workDir);
        Say.line("starting the suite's own PostgreSQL on port " + options.postgresPort()
                + " (the only server it stops or kills), durable: fsync, synchronous_commit, full_page_writes on");
        List<ScenarioResult> results = new ArrayList<>();
        try (FaultDatabase database = FaultDatabase.start(workDir, options.postgresPort());
             RunningSystem system = startSystem(options, database, workDir)) {
            Suite suite = new Suite(options, database, system,
                    UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT),
                    system.token("SECRETARIAT,OPERATOR", "fault-suite"));
            for (Scenario scenario : List.of(new CommandServiceKill(), new PostgresKill(), new PostgresOutage(),
                    new QueryServiceKillMidReplay())) {
                results.add(run(scenario, suite));
            }
            ScenarioResult all = new ScenarioResult(ALL_SCENARIOS);
            Say.line("== " + ALL_SCENARIOS);
            all.tally(suite.recountAll());
            results.add(all);
        }
        Say.line("done in " + Say.seconds(Duration.between(began, Instant.now())));
        System.out.println(summary(results));
        return results;
    }

    private static RunningSystem startSystem(Options options, FaultDatabase database, Path workDir) throws Exception {
        Say.line("starting both services with deploy/run's launcher, on " + database.url());
        return RunningSystem.start(options, database, workDir);
    }

    private static ScenarioResult run(Scenario scenario, Suite suite) {
        ScenarioResult result = new ScenarioResult(scenario.name());
        Say.line("== " + scenario.name());
        try {
            scenario.run(suite, result);
        } catch (Exception e) {
            result.broke(e);
        }
        return result;
    }

    /** The figures of every scenario as a markdown table, then whether each held. */
    static String summary(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("\n| scenario | sent | acknowledged | resent | stored | lost | duplicates | result |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult result : results) {
            Tally t = result.tally();
            table.append("| ").append(result.name()).append(" | ");
            if (t == null) {
                table.append("| | | | | | ");
            } else {
                table.append(t.sent()).append(" | ").append(t.acknowledged()).append(" | ").append(t.resent())
                        .append(" | ").append(t.stored()).append(" | ").append(t.lost()).append(" | ")
                        .append(t.duplicates()).append(" | ");
            }
            long failed = result.checks().stream().filter(c -> !c.held()).count();
            table.append(result.passed() ? "every check holds (" + result.checks().size() + ")"
                    : failed + " of " + result.checks().size() + " checks FAILED").append(" |\n");
        }
        boolean passed = results.stream().allMatch(ScenarioResult::passed);
        table.append("\n").append(passed ? "Every promise held." : "Some promises did NOT hold: see FAILED above.");
        return table.toString();
    }
}
