package org.crisiscoordination.query.projection;

import org.crisiscoordination.edge.store.AppendWatermark;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listens on the channel the command service NOTIFYs when appends end, and wakes the event
 * store's reader, so that projections in this process see a write within milliseconds rather
 * than at the next poll. Readers read only up to the {@link AppendWatermark}; while it lags behind
 * the positions drawn (an append still in flight holds it), the listener looks again every few
 * milliseconds and wakes the readers once it has moved, since no notification may follow. It keeps
 * one connection of its own; when that breaks it reconnects, and meanwhile polling carries on.
 */
@Component
public class AppendListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final int FIRST_LAG_WAIT_MILLIS = 2;
    private static final int LONGEST_LAG_WAIT_MILLIS = 100;
    private static final long RECONNECT_MILLIS = 2_000;

    private final NotifiedEventStore eventStore;
    private final AppendWatermark watermark;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final DataSourceProperties dataSource;
    private volatile boolean running;
    private Thread thread;

    public AppendListener(NotifiedEventStore eventStore, AppendWatermark watermark, DataSourceProperties dataSource) {
        this.eventStore = eventStore;
        this.watermark = watermark;
        this.dataSource = dataSource;
    }

    /** Runs a listener (briefly: it holds up the others) whenever appends are announced. */
    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + EventStoreSchema.APPENDED_CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                announce(); // whatever was appended while we were not listening
                int lagWait = FIRST_LAG_WAIT_MILLIS;
                long seenSafe = -1;
                while (running) {
                    boolean lagging = watermark.behind();
                    var notifications = pg.getNotifications(lagging ? lagWait : WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        announce();
                        lagWait = FIRST_LAG_WAIT_MILLIS;
                    } else if (lagging) {
                        long safe = watermark.safePosition(connection);
                        if (safe > seenSafe) {
                            seenSafe = safe;
                            announce();
                            lagWait = FIRST_LAG_WAIT_MILLIS;
                        } else {
                            lagWait = Math.min(lagWait * 2, LONGEST_LAG_WAIT_MILLIS);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for appended events failed ({}); polling until it reconnects", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void announce() {
        eventStore.wakeUp();
        listeners.forEach(Runnable::run);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", "query-service append listener");
        return DriverManager.getConnection(dataSource.getUrl(), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
