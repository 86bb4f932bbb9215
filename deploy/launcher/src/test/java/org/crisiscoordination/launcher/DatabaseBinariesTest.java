package org.crisiscoordination.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseBinariesTest {

    @TempDir
    Path dataDir;

    @Test
    void anUnpackingCutShortIsRemovedAndACompleteOneKept() throws Exception {
        Path binaries = dataDir.resolve("postgres-binaries");
        Path partial = Files.createDirectories(binaries.resolve("PG-partial/lib"));
        Files.writeString(partial.resolve("libicuuc.so.72"), "half");
        Files.createSymbolicLink(partial.resolve("libicuuc.so"), Path.of("libicuuc.so.72"));
        Path complete = Files.createDirectories(binaries.resolve("PG-complete/bin"));
        Files.createFile(complete.getParent().resolve(".exists"));
        Files.writeString(complete.resolve("postgres"), "binary");

        Path returned = Database.binaries(dataDir.resolve("postgres"));

        assertThat(returned).isEqualTo(binaries);
        assertThat(binaries.resolve("PG-partial")).doesNotExist();
        assertThat(complete.resolve("postgres")).hasContent("binary");
    }

    @Test
    void aFirstStartFindsNothingToRemove() throws Exception {
        assertThat(Database.binaries(dataDir.resolve("postgres"))).isEqualTo(dataDir.resolve("postgres-binaries"));
    }
}
