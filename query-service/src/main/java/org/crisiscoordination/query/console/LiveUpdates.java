package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.crisiscoordination.query.projection.AppendListener;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells open console pages that the projections moved, as Server-Sent Events over the session's
 * cookie (an {@code EventSource} cannot send a bearer token): an event {@code moved} whenever any
 * projection's position changes, looked at on every announced append and once a second. The pages
 * then fetch their own URL again and swap in what changed (htmx); without JavaScript they are
 * simply pages to reload.
 */
@Controller
@Hidden
class LiveUpdates implements SmartLifecycle {

    private static final Duration LONGEST = Duration.ofMinutes(30);

    private final ProjectionProgress progress;
    private final Set<SseEmitter> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> positions = new AtomicReference<>("");
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-live-updates");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    LiveUpdates(ProjectionProgress progress, AppendListener appends) {
        this.progress = progress;
        appends.onAppend(() -> sender.execute(this::tell));
        sender.scheduleWithFixedDelay(this::tell, 1, 1, TimeUnit.SECONDS);
    }

    @GetMapping(path = "/console/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow() {
        SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        listeners.add(emitter);
        return emitter;
    }

    private void tell() {
        if (listeners.isEmpty()) {
            return;
        }
        String now;
        try {
            now = progress.projections().stream().sorted()
                    .map(name -> name + "@" + progress.tokensOf(name)).reduce("", String::concat);
        } catch (RuntimeException databaseAway) {
            return; // told on a later tick
        }
        if (now.equals(positions.getAndSet(now))) {
            return;
        }
        for (SseEmitter listener : listeners) {
            try {
                listener.send(SseEmitter.event().name("moved").data("moved"));
            } catch (IOException | IllegalStateException gone) {
                listeners.remove(listener);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Hangs up on every page first, so that shutting down waits for none of them. */
    @Override
    public void stop() {
        running = false;
        sender.shutdownNow();
        listeners.forEach(SseEmitter::complete);
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
