package org.crisiscoordination.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL of one test's own, in this JVM, that the test may stop and start again on the same
 * port with the same data: an outage without touching the server the other tests share. It never
 * takes PostgreSQL's usual port.
 */
public final class StoppableDatabase implements AutoCloseable {

    private static final int SHARED_SERVER_PORT = 5432;

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private StoppableDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static StoppableDatabase start() {
        try {
            StoppableDatabase database = new StoppableDatabase(Files.createTempDirectory("stoppable-postgres"), freePort());
            database.restart();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a stoppable PostgreSQL", e);
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Stops the server (fast shutdown: sessions are ended); its data stays. */
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                running = null;
            }
        }
    }

    /** Starts the server again, on the same port, from the same data. */
    public synchronized void restart() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure
        }
    }

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (socket.getLocalPort() != SHARED_SERVER_PORT) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
