package org.crisiscoordination.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.query.web.NotFoundException;
import org.crisiscoordination.query.web.ReadModel;
import org.crisiscoordination.query.web.VersionTag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The crisis board: every crisis with both of its tracks, filtered and paged. */
@RestController
@RequestMapping(path = "/api/crises", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Crisis board")
class CrisisBoardController {

    private final CrisisBoardRepository board;
    private final CrisisBoardAsOf past;

    CrisisBoardController(CrisisBoardRepository board, CrisisBoardAsOf past) {
        this.board = board;
        this.past = past;
    }

    @GetMapping
    @ReadModel(CrisisBoardProjection.NAME)
    @Operation(summary = "Crises, newest activity first",
            description = "Filters: status, minimum severity, topic, an organization it was referred to, an involved state,"
                    + " the tracks it is engaged on (POWER or MECHANISM only, BOTH, NONE)")
    CrisisBoardRepository.Page list(@RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer minSeverity,
                                    @RequestParam(required = false) String topic,
                                    @RequestParam(required = false) String organization,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String track,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return board.list(CrisisBoardQuery.parse(status, minSeverity, topic, organization, state, track, page, size));
    }

    @GetMapping("/{crisisId}")
    @ReadModel(CrisisBoardProjection.NAME)
    @Operation(summary = "One crisis with its dual-track status",
            description = "ETag carries the crisis aggregate's version, for a write's If-Match. It is no validator of"
                    + " the whole view (its channel changes it too), so If-None-Match is not answered 304. With asOf,"
                    + " the crisis as it stood then, rebuilt from the events up to that position (or time), and no ETag")
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = "ETag",
            description = "\"<version>\": the crisis aggregate's version, for a write's If-Match",
            schema = @Schema(type = "string")))
    CrisisView one(@PathVariable CrisisId crisisId,
                   @Parameter(description = "a position of the store, or an ISO-8601 time with its offset (the position"
                           + " of the last event stored by then): the crisis as it stood there")
                   @RequestParam(required = false) String asOf,
                   HttpServletResponse response) {
        if (asOf != null) {
            return past.find(crisisId.value(), asOf).orElseThrow(() -> new NotFoundException(
                    "no crisis " + crisisId + " was on the board as of " + asOf));
        }
        CrisisView crisis = board.find(crisisId.value())
                .orElseThrow(() -> new NotFoundException("no crisis " + crisisId + " is on the board"));
        VersionTag.set(response, crisis.version());
        return crisis;
    }
}
