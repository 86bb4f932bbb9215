package org.crisiscoordination.query.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.query.mechanism.SecurityMechanismProjection;
import org.crisiscoordination.query.web.NotFoundException;
import org.crisiscoordination.query.web.ReadModel;
import org.crisiscoordination.query.web.VersionTag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The channel view: a major-power channel with its participants, statements and proposals. */
@RestController
@Tag(name = "Major-power channels")
class ChannelViewController {

    private final ChannelViewRepository channels;
    private final ChannelViewAsOf past;

    ChannelViewController(ChannelViewRepository channels, ChannelViewAsOf past) {
        this.channels = channels;
        this.past = past;
    }

    @GetMapping(path = "/api/channels/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadModel({ChannelViewProjection.NAME, SecurityMechanismProjection.NAME})
    @Operation(summary = "One channel",
            description = "ETag carries the channel aggregate's version, for a write's If-Match. It is no validator"
                    + " of the whole view (pledges change it too), so If-None-Match is not answered 304. With asOf, the"
                    + " channel as it stood then, rebuilt from the events up to that position (or time), and no ETag")
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = "ETag",
            description = "\"<version>\": the channel aggregate's version, for a write's If-Match",
            schema = @Schema(type = "string")))
    ChannelView one(@PathVariable ChannelId channelId,
                    @Parameter(description = "a position of the store, or an ISO-8601 time with its offset (the position"
                            + " of the last event stored by then): the channel as it stood there")
                    @RequestParam(required = false) String asOf,
                    HttpServletResponse response) {
        if (asOf != null) {
            return past.find(channelId.value(), asOf).orElseThrow(() -> new NotFoundException(
                    "no channel " + channelId + " was in the channel view as of " + asOf));
        }
        ChannelView channel = channels.find(channelId.value())
                .orElseThrow(() -> new NotFoundException("no channel " + channelId + " is in the channel view"));
        VersionTag.set(response, channel.version());
        return channel;
    }
}
