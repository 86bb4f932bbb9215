package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.query.projection.AppendListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live timelines over Server-Sent Events: each follower gets the entries after the last it saw,
 * whenever appends are announced (and once a second, should an announcement be missed). Each
 * event's id is the entry's position, so a client that reconnects with {@code Last-Event-ID}
 * resumes where it stopped, and nothing is skipped: entries are read only up to the store's safe
 * position, below which no append can still commit.
 */
@Component
class TimelineFollowers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimelineFollowers.class);
    private static final Duration LONGEST_FOLLOW = Duration.ofMinutes(30);

    private final EventStoreReader store;
    private final ObjectMapper json;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline-followers");
        thread.setDaemon(true);
        return thread;
    });

    TimelineFollowers(EventStoreReader store, ObjectMapper json, AppendListener appends) {
        this.store = store;
        this.json = json;
        appends.onAppend(() -> sender.execute(this::sendNewEntries));
        sender.scheduleWithFixedDelay(this::sendNewEntries, 1, 1, TimeUnit.SECONDS);
    }

    private static final class Follower {
        final TimelineScope scope;
        final SseEmitter emitter;
        volatile long lastPosition;

        Follower(TimelineScope scope, SseEmitter emitter, long lastPosition) {
            this.scope = scope;
            this.emitter = emitter;
            this.lastPosition = lastPosition;
        }
    }

    /** Follows a timeline from just after {@code afterPosition} (0: from its start). */
    SseEmitter follow(TimelineScope scope, long afterPosition) {
        SseEmitter emitter = new SseEmitter(LONGEST_FOLLOW.toMillis());
        Follower follower = new Follower(scope, emitter, afterPosition);
        emitter.onCompletion(() -> followers.remove(follower));
        emitter.onTimeout(() -> followers.remove(follower));
        emitter.onError(error -> followers.remove(follower));
        followers.add(follower);
        sender.execute(this::sendNewEntries);
        return emitter;
    }

    private void sendNewEntries() {
        for (Follower follower : followers) {
            try {
                List<AuditEntry> entries = store.of(follower.scope.aggregates().get(), follower.lastPosition);
                for (AuditEntry entry : entries) {
                    follower.emitter.send(SseEmitter.event().id(Long.toString(entry.position()))
                            .name("audit-entry").data(json.writeValueAsString(entry), MediaType.APPLICATION_JSON));
                    follower.lastPosition = entry.position();
                }
            } catch (IOException | IllegalStateException gone) {
                followers.remove(follower);
                follower.emitter.completeWithError(gone);
            } catch (RuntimeException e) {
                log.warn("Could not send the new entries of {}: {}", follower.scope.describes(), e.getMessage());
            }
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every live timeline first (the default phase stops before the web server's graceful
     * shutdown), so that shutting down does not wait for followers that never hang up.
     */
    @Override
    public void stop() {
        running = false;
        sender.shutdownNow();
        followers.forEach(follower -> follower.emitter.complete());
        followers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
