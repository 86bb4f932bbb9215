package org.crisiscoordination.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The projections' progress, and their blue/green replay from the first event. */
@RestController
@Tag(name = "Projections")
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    /** A list as every list of the API answers it; all projections fit on one page. */
    record ProjectionList(List<Projections.Status> items, int page, int size, long totalItems) {
    }

    @GetMapping(path = "/api/projections", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Each projection: the version it serves, status, position, lag in events, whether a new"
            + " version is being built, progress 0..1, estimated time left, dead letters, segment holders")
    ProjectionList all() {
        List<Projections.Status> all = projections.all();
        return new ProjectionList(all, 0, all.size(), all.size());
    }

    @PostMapping(path = "/api/projections/{name}/replay")
    @Operation(summary = "Rebuild a projection from the first event, beside the version it serves",
            description = "Answers 202 at once. The new version is built in the projection's other table set while"
                    + " every read keeps answering from the served version; once it has caught up, reads switch to it"
                    + " at once, on every instance of the query service, and the old version is emptied")
    @ApiResponse(responseCode = "202", description = "The replay started; follow it at Location",
            headers = @Header(name = "Location", description = "the projections' progress",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "409", description = "A replay of the projection is in progress (its new version is"
            + " being built, or the version it replaced is being emptied), or the idle version's processor did not stop"
            + " in time", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    ResponseEntity<Void> replay(@PathVariable String name) {
        projections.replay(name);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/projections")).build();
    }
}
