package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A crisis's whole history, exactly the scope of its timeline, as CloudEvents 1.0 for parties
 * outside the system: NDJSON of structured-mode events by default, or the JSON batch format.
 * Its own resource rather than one more representation of the timeline: the timeline's
 * representations all carry audit entries, an export is another vocabulary for another reader.
 */
@RestController
@Tag(name = "Audit")
class ExportController {

    static final String BATCH = "application/cloudevents-batch+json";
    private static final MediaType BATCH_TYPE = MediaType.parseMediaType(BATCH);
    private static final MediaType NDJSON = MediaType.parseMediaType(TimelineController.NDJSON);

    private final EventStoreReader store;
    private final EventIdentifiers identifiers;

    ExportController(EventStoreReader store, EventIdentifiers identifiers) {
        this.store = store;
        this.identifiers = identifiers;
    }

    @GetMapping(path = "/api/crises/{crisisId}/export",
            produces = {TimelineController.NDJSON, BATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A crisis's whole history, its channels' too, as CloudEvents 1.0 in position order",
            description = "One structured-mode event (application/cloudevents+json) a line; as a JSON array in the"
                    + " CloudEvents JSON batch format with Accept: application/cloudevents-batch+json or"
                    + " application/json. docs/api.md maps each attribute.")
    @ApiResponse(responseCode = "200", description = "The events, oldest first", content = {
            @Content(mediaType = TimelineController.NDJSON, schema = @Schema(type = "string")),
            @Content(mediaType = BATCH, array = @ArraySchema(schema = @Schema(type = "object"))),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(type = "object")))})
    ResponseEntity<StreamingResponseBody> export(@PathVariable CrisisId crisisId,
                                                 @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        List<byte[]> events = events(crisisId);
        return asBatch(accept) ? batch(crisisId, events) : lines(crisisId, events);
    }

    /**
     * One method for all three types, so that a client that names none (or any, *&#47;*) gets the
     * lines, which two mappings would leave to chance: the batch only for a caller that prefers it.
     */
    private static boolean asBatch(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException unreadable) {
            return false; // Spring's own negotiation has refused such a header before this is called
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isWildcardType() || type.isWildcardSubtype() || type.isCompatibleWith(NDJSON)) {
                return false;
            }
            if (type.isCompatibleWith(BATCH_TYPE) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<StreamingResponseBody> lines(CrisisId crisisId, List<byte[]> events) {
        return download(crisisId, NDJSON, "ndjson").body(out -> {
            for (byte[] event : events) {
                out.write(event);
                out.write('\n');
            }
        });
    }

    /** The JSON batch format: an array of structured-mode events, each on a line of its own too. */
    private static ResponseEntity<StreamingResponseBody> batch(CrisisId crisisId, List<byte[]> events) {
        return download(crisisId, BATCH_TYPE, "json").body(out -> {
            out.write('[');
            for (int i = 0; i < events.size(); i++) {
                out.write(i == 0 ? '\n' : ',');
                if (i > 0) {
                    out.write('\n');
                }
                out.write(events.get(i));
            }
            out.write(']');
            out.write('\n');
        });
    }

    private List<byte[]> events(CrisisId crisisId) {
        List<AuditEntry> entries = store.of(TimelineScope.ofCrisis(crisisId, store).aggregates().get());
        Map<Long, String> ids = identifiers.of(entries);
        return entries.stream().map(entry -> AuditCloudEvents.json(AuditCloudEvents.of(entry, ids.get(entry.position()))))
                .toList();
    }

    /** Saved under a name that says what it is, when a browser or a tool downloads it. */
    private static ResponseEntity.BodyBuilder download(CrisisId crisisId, MediaType type, String extension) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("crisis-" + crisisId + ".cloudevents." + extension).build().toString());
    }
}
