package org.crisiscoordination.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walk-through, run as written from the repository's root: only its two base URLs
 * are pointed at the services under test, and {@code deploy/token} signs with the data
 * directory's key. What it must print is listed in {@link #unmet(String)}, so the one-process
 * system and the cluster are held to the same walk.
 */
public final class ReadmeWalkthrough {

    private static final Pattern BLOCK = Pattern.compile("## Walk-through.*?```sh\\n(.*?)```", Pattern.DOTALL);

    private final Path root;
    private final Path dataDir;

    /** @param root the repository's root; @param dataDir the data directory whose token key the services trust */
    public ReadmeWalkthrough(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    /** Runs the walk-through against the given base URLs; the output, stdout and stderr together. */
    public String runAgainst(String commandUrl, String queryUrl) throws IOException, InterruptedException {
        String script = script().replace("http://localhost:8080", commandUrl).replace("http://localhost:8081", queryUrl);
        return bash(script);
    }

    /** Runs one line of shell in the repository's root with the data directory set, as the walk-through runs. */
    public String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("CRISIS_DATA_DIR", dataDir.toString());
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!bash.waitFor(2, TimeUnit.MINUTES) || bash.exitValue() != 0) {
            throw new AssertionError("the walk-through did not end with 0:\n" + output);
        }
        return output;
    }

    /** What the walk-through's output should show and does not; empty when it ran as the README says. */
    public static List<String> unmet(String output) {
        List<String> unmet = new ArrayList<>();
        expect(unmet, output, "a 201 Created", "HTTP/1.1 201");
        expect(unmet, output, "the two rule refusals", "\"rule\":\"no-jurisdiction\"", "\"rule\":\"involved-power-missing\"");
        expect(unmet, output, "the delegate of the US speaking for China refused",
                "\"type\":\"urn:crisis-coordination:problem:right-missing\"", "\"right\":\"state-position\"");
        int problems = count(output, "\"type\":\"urn:crisis-coordination:problem:");
        if (problems != 3) {
            unmet.add("only the three refusals the walk-through shows, but " + problems + " problems");
        }
        expect(unmet, output, "the request without a token refused", "HTTP/1.1 401");
        // a header's name in any case: HAProxy, in front of a cluster, sends them in lower case
        expect(unmet, output.toLowerCase(Locale.ROOT), "the refusal's challenge", "www-authenticate: bearer");
        expect(unmet, output, "actors named from their tokens", "\"actor\":\"deploy-run#duty-officer\"",
                "\"actor\":\"deploy-run#asean-liaison\",\"onBehalfOf\":\"ASEAN\"");
        expect(unmet, output, "the statement adopted and the referral's outcome",
                "\"jointStatement\":\"ADOPTED\"", "\"outcome\":\"CRISIS_RESOLVED\"");
        expect(unmet, output, "the crisis resolved on both tracks", "\"status\":\"RESOLVED\"", "\"dualTrack\":true");
        expect(unmet, output, "the log verified", "\"valid\":true");
        expect(unmet, output, "the channel's closing in the timeline", "\"eventType\":\"MajorPowerChannelClosed\"");
        return unmet;
    }

    private String script() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("README.md")));
        if (!block.find()) {
            throw new AssertionError("the README has no walk-through");
        }
        return block.group(1);
    }

    private static void expect(List<String> unmet, String output, String what, String... parts) {
        for (String part : parts) {
            if (!output.contains(part)) {
                unmet.add(what + ": no " + part);
            }
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
