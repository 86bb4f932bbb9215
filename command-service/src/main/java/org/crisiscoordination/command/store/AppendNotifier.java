package org.crisiscoordination.command.store;

import org.crisiscoordination.edge.store.EventStoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells readers in other processes that appends have ended, with one {@code NOTIFY} on
 * {@value EventStoreSchema#APPENDED_CHANNEL} sent from a connection of its own after the appending
 * transactions are over. A {@code NOTIFY} inside each appending transaction would serialise their
 * commits (PostgreSQL takes one cluster-wide lock to queue notifications at commit); here the
 * appends that end while one notification is being sent share the next. Rolled-back appends are
 * announced too: they may be what held a reader's watermark back.
 */
public class AppendNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendNotifier.class);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataSource dataSource;
    private final AtomicBoolean due = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;
    private Connection connection;

    public AppendNotifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Announces the current transaction's appends once it has ended, whichever way. */
    void announceAfterCompletion() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AppendNotifier.this);
                appendsEnded();
            }
        });
    }

    void appendsEnded() {
        if (due.compareAndSet(false, true)) {
            Thread sender = thread;
            if (sender != null) {
                LockSupport.unpark(sender);
            }
        }
    }

    private void send() {
        while (running) {
            if (!due.getAndSet(false)) {
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            try {
                notifyReaders();
            } catch (SQLException e) {
                log.warn("Could not announce appended events ({}); readers poll until it succeeds", e.getMessage());
                closeConnection();
                due.set(true);
                LockSupport.parkNanos(this, RETRY_NANOS);
            }
        }
        closeConnection();
    }

    private void notifyReaders() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
            notify.setString(1, EventStoreSchema.APPENDED_CHANNEL);
            notify.execute();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being given up anyway
            }
            connection = null;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread sender = new Thread(this::send, "append-notifier");
        sender.setDaemon(true);
        thread = sender;
        sender.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread sender = thread;
        if (sender != null) {
            LockSupport.unpark(sender);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
