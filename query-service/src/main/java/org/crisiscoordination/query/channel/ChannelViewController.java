package org.crisiscoordination.query.channel;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

/** The channel view: a major-power channel with its participants, statements and proposals. */
@RestController
@Tag(name = "Major-power channels")
class ChannelViewController {

    private final ChannelViewRepository channels;

    ChannelViewController(ChannelViewRepository channels) {
        this.channels = channels;
    }

    @GetMapping(path = "/api/channels/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadModel({ChannelViewProjection.NAME, SecurityMechanismProjection.NAME})
    @Operation(summary = "One channel",
            description = "ETag carries the channel aggregate's version, for a write's If-Match. It is no validator"
                    + " of the whole view (pledges change it too), so If-None-Match is not answered 304")
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = "ETag",
            description = "\"<version>\": the channel aggregate's version, for a write's If-Match",
            schema = @Schema(type = "string")))
    ChannelView one(@PathVariable ChannelId channelId, HttpServletResponse response) {
        ChannelView channel = channels.find(channelId.value())
                .orElseThrow(() -> new NotFoundException("no channel " + channelId + " is in the channel view"));
        VersionTag.set(response, channel.version());
        return channel;
    }
}
