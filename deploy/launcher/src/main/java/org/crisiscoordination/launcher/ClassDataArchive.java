package org.crisiscoordination.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's jar unpacked beside it ({@code <name>-cds/}) with a class data sharing archive of
 * the classes its start loads: the JVM maps them instead of loading, verifying and linking them
 * one by one, which took the command service from about 8 s to about 5 s to healthy on two cores.
 * Made once per build of the jar, on the service's first start after it: Spring Boot's extraction
 * ({@code -Djarmode=tools extract}; the JVM cannot archive classes read from a jar inside a jar),
 * then a training run that starts the application context against the service's own database and
 * exits ({@code -Dspring.context.exit=onRefresh}), writing the archive. Two launchers on one tree
 * take turns making it, and an archive is used only once its stamp is written. If anything fails
 * the service runs from its jar as before, and the launcher says why.
 */
final class ClassDataArchive {

    private static final long TRAINING_MINUTES = 3;

    private ClassDataArchive() {
    }

    /** What follows the JVM flags to run the service: the archive and the unpacked jar, or the jar itself. */
    static List<String> launchArguments(Path jar, List<String> jvmFlags, Map<String, String> environment, Path log) {
        Path home = home(jar);
        try {
            if (!current(home, jar)) {
                System.out.println("Preparing " + jar.getFileName() + " for a quicker start (once per build) ...");
                prepare(home, jar, jvmFlags, environment, log);
            }
            return List.of("-XX:SharedArchiveFile=" + home.resolve("classes.jsa"), "-jar", unpacked(home, jar).toString());
        } catch (IOException | RuntimeException e) {
            System.out.println("Starting " + jar.getFileName() + " without a class archive: " + e.getMessage());
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
    }

    static Path home(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.toAbsolutePath().resolveSibling(name + "-cds");
    }

    /**
     * Whether the archive there was made from this very jar (its size and time) by this very JVM:
     * the JVM maps an archive only over its own base archive, and otherwise starts without it,
     * saying so once per start.
     */
    static boolean current(Path home, Path jar) throws IOException {
        Path stamp = home.resolve("jar.stamp");
        return Files.exists(home.resolve("classes.jsa")) && Files.exists(stamp)
                && Files.readString(stamp).equals(stampOf(jar));
    }

    private static String stampOf(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + System.getProperty("java.home")
                + " " + System.getProperty("java.vm.version");
    }

    private static Path unpacked(Path home, Path jar) {
        return home.resolve("app").resolve(jar.getFileName());
    }

    /**
     * Unpacks and trains in place, under a lock beside the jar that other launchers on the tree
     * take too: the archive records the class path it was made with, so it cannot be made
     * elsewhere and moved. The stamp, written last, says it is complete.
     */
    private static void prepare(Path home, Path jar, List<String> jvmFlags, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        try (FileChannel lockFile = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (current(home, jar)) {
                return; // another launcher made it while this one waited
            }
            DirectoryTrees.delete(home);
            try {
                make(home, jar, jvmFlags, environment, log);
            } catch (IOException | InterruptedException | RuntimeException e) {
                DirectoryTrees.delete(home);
                throw e;
            }
        }
    }

    private static void make(Path home, Path jar, List<String> jvmFlags, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                home.resolve("app").toString()), Map.of(), log);
        List<String> training = new ArrayList<>(List.of(java()));
        training.addAll(jvmFlags);
        // -Xlog:cds=off: the JVM names every class it cannot archive, hundreds of lines
        training.addAll(List.of("-Xlog:cds=off", "-XX:ArchiveClassesAtExit=" + home.resolve("classes.jsa"),
                "-Dspring.context.exit=onRefresh", "-jar", unpacked(home, jar).toString()));
        run(training, environment, log);
        if (!Files.exists(home.resolve("classes.jsa"))) {
            throw new IOException("the training run wrote no archive; see " + log);
        }
        Files.writeString(home.resolve("jar.stamp"), stampOf(jar));
    }

    private static void run(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IOException("'" + String.join(" ", command) + "' took over " + TRAINING_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
