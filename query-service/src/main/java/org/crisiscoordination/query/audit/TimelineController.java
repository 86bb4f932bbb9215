package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * Audit timelines of a crisis (with its channels and referrals) and of a channel, oldest first:
 * as one JSON document, as NDJSON (one entry a line), or followed live as Server-Sent Events.
 */
@RestController
@Tag(name = "Audit")
class TimelineController {

    static final String NDJSON = "application/x-ndjson";

    private final EventStoreReader store;
    private final TimelineFollowers followers;
    private final ObjectMapper json;

    TimelineController(EventStoreReader store, TimelineFollowers followers, ObjectMapper json) {
        this.store = store;
        this.followers = followers;
        this.json = json;
    }

    record Timeline(List<AuditEntry> entries) {
    }

    @GetMapping(path = "/api/crises/{crisisId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Audit entries of a crisis, its channels and referrals, oldest first",
            description = "Also as application/x-ndjson, and live as text/event-stream")
    Timeline crisis(@PathVariable CrisisId crisisId) {
        return new Timeline(store.of(TimelineScope.ofCrisis(crisisId, store).aggregates().get()));
    }

    @GetMapping(path = "/api/crises/{crisisId}/timeline", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> crisisLines(@PathVariable CrisisId crisisId) {
        return lines(TimelineScope.ofCrisis(crisisId, store));
    }

    @GetMapping(path = "/api/crises/{crisisId}/timeline", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter crisisLive(@PathVariable CrisisId crisisId,
                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return followers.follow(TimelineScope.ofCrisis(crisisId, store), resumeAfter(lastEventId));
    }

    @GetMapping(path = "/api/channels/{channelId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Audit entries of a channel, oldest first",
            description = "Also as application/x-ndjson, and live as text/event-stream")
    Timeline channel(@PathVariable ChannelId channelId) {
        return new Timeline(store.of(TimelineScope.ofChannel(channelId, store).aggregates().get()));
    }

    @GetMapping(path = "/api/channels/{channelId}/timeline", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> channelLines(@PathVariable ChannelId channelId) {
        return lines(TimelineScope.ofChannel(channelId, store));
    }

    @GetMapping(path = "/api/channels/{channelId}/timeline", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter channelLive(@PathVariable ChannelId channelId,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return followers.follow(TimelineScope.ofChannel(channelId, store), resumeAfter(lastEventId));
    }

    private ResponseEntity<StreamingResponseBody> lines(TimelineScope scope) {
        List<AuditEntry> entries = store.of(scope.aggregates().get());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out -> {
            for (AuditEntry entry : entries) {
                out.write(json.writeValueAsBytes(entry));
                out.write('\n');
            }
        });
    }

    private static long resumeAfter(String lastEventId) {
        if (lastEventId == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException malformed) {
            // refused below
        }
        throw new InvalidValueException("Last-Event-ID", "must be the position of an entry this stream sent");
    }
}
