package org.crisiscoordination.endtoend;

import org.crisiscoordination.testsupport.ReadmeWalkthrough;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, run as written (only the two base URLs point at this test's
 * services) from the repository's root against both services on a fresh database, its tokens
 * from deploy/token with a data directory of its own, whose key the services trust: the front
 * door must stay true.
 */
class ReadmeWalkthroughIT {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void runsAsTheReadmeShowsIt() throws Exception {
        ReadmeWalkthrough walkthrough = new ReadmeWalkthrough(ROOT, dataDir);
        // deploy/token makes the key pair on its first run, as deploy/run would on its first start
        walkthrough.bash("deploy/token --role AUDITOR >/dev/null");
        String publicKey = "file:" + dataDir.resolve("keys/token-public-key.pem");
        try (RunningSystem system = RunningSystem.start(TestDatabase.fresh(), publicKey)) {
            String output = walkthrough.runAgainst(system.commandUrl, system.queryUrl);
            System.out.println(output);

            assertThat(ReadmeWalkthrough.unmet(output)).as(output).isEmpty();
        }
    }
}
