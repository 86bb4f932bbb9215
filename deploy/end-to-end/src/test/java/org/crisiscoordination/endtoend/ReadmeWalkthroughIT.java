package org.crisiscoordination.endtoend;

import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, run as written (only the two base URLs point at this test's
 * services) from the repository's root against both services on a fresh database, its tokens
 * from deploy/token with a data directory of its own, whose key the services trust: the front
 * door must stay true.
 */
class ReadmeWalkthroughIT {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");

    @TempDir
    Path dataDir;

    @Test
    void runsAsTheReadmeShowsIt() throws Exception {
        String script = walkthrough();
        // deploy/token makes the key pair on its first run, as deploy/run would on its first start
        run("deploy/token --role AUDITOR >/dev/null");
        String publicKey = "file:" + dataDir.resolve("keys/token-public-key.pem");
        try (RunningSystem system = RunningSystem.start(TestDatabase.fresh(), publicKey)) {
            String output = run(script.replace("http://localhost:8080", system.commandUrl)
                    .replace("http://localhost:8081", system.queryUrl));

            assertThat(output).contains("HTTP/1.1 201");
            assertThat(output).contains("\"rule\":\"no-jurisdiction\"", "\"rule\":\"involved-power-missing\"");
            assertThat(output).as("the delegate of the US speaking for China")
                    .contains("\"type\":\"urn:crisis-coordination:problem:right-missing\"", "\"right\":\"state-position\"");
            assertThat(count(output, "\"type\":\"urn:crisis-coordination:problem:"))
                    .as("only the three refusals the walk-through shows").isEqualTo(3);
            assertThat(output).contains("HTTP/1.1 401", "WWW-Authenticate: Bearer");
            assertThat(output).contains("\"actor\":\"deploy-run#duty-officer\"",
                    "\"actor\":\"deploy-run#asean-liaison\",\"onBehalfOf\":\"ASEAN\"");
            assertThat(output).contains("\"jointStatement\":\"ADOPTED\"", "\"outcome\":\"CRISIS_RESOLVED\"");
            assertThat(output).contains("\"status\":\"RESOLVED\"", "\"dualTrack\":true");
            assertThat(output).contains("\"valid\":true");
            assertThat(output).contains("\"eventType\":\"MajorPowerChannelClosed\"");
        }
    }

    private static String walkthrough() throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Walk-through.*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has a walk-through").isTrue();
        return block.group(1);
    }

    private String run(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("CRISIS_DATA_DIR", dataDir.toString());
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
