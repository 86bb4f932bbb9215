package org.crisiscoordination.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aJarThatCannotBePreparedStartsAsItIsAndLeavesNothingBehind() throws Exception {
        Path jar = Files.writeString(dir.resolve("broken-service.jar"), "not a jar");

        List<String> arguments = ClassDataArchive.launchArguments(jar, List.of("-Xmx64m"), Map.of(), dir.resolve("service.log"));

        assertThat(arguments).containsExactly("-jar", jar.toString());
        try (var left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("broken-service.jar", "service.log", "broken-service-cds.lock");
        }
    }

    @Test
    void anArchiveOfAnotherBuildOfTheJarIsNotCurrent() throws Exception {
        Path jar = Files.writeString(dir.resolve("service.jar"), "build 1");
        Path home = ClassDataArchive.home(jar);
        Files.createDirectories(home);
        Files.writeString(home.resolve("classes.jsa"), "archive");
        Files.writeString(home.resolve("jar.stamp"), Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis()
                + " " + System.getProperty("java.home") + " " + System.getProperty("java.vm.version"));
        assertThat(home).isEqualTo(dir.resolve("service-cds"));
        assertThat(ClassDataArchive.current(home, jar)).isTrue();

        Files.writeString(jar, "build 2, longer");

        assertThat(ClassDataArchive.current(home, jar)).isFalse();
    }

    @Test
    void anArchiveOfAnotherJvmIsNotCurrent() throws Exception {
        Path jar = Files.writeString(dir.resolve("service.jar"), "build 1");
        Path home = Files.createDirectories(ClassDataArchive.home(jar));
        Files.writeString(home.resolve("classes.jsa"), "archive");
        Files.writeString(home.resolve("jar.stamp"), Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis()
                + " /usr/lib/jvm/another-jdk 11.0.2+9");

        assertThat(ClassDataArchive.current(home, jar)).isFalse();
    }
}
