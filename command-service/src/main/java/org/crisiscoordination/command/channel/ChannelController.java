package org.crisiscoordination.command.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.command.web.CommandWriter;
import org.crisiscoordination.command.web.Creates;
import org.crisiscoordination.command.web.Write;
import org.crisiscoordination.command.web.WriteAnswer;
import org.crisiscoordination.command.web.WriteContext;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.channel.ProposeJointStatement;
import org.crisiscoordination.kernel.rules.Rule;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The power track's write endpoints: the major-power channel. */
@RestController
@RequestMapping(path = "/api/channels", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Major-power channels")
class ChannelController {

    private final CommandWriter writer;

    ChannelController(CommandWriter writer) {
        this.writer = writer;
    }

    @PostMapping
    @Operation(summary = "Convene the major powers about a crisis",
            description = "Appends PowerTrackOpened to the crisis and MajorPowerChannelConvened; answers the channelId")
    @Creates
    ResponseEntity<WriteAnswer> convene(@RequestBody ChannelRequests.Convene body, WriteContext context) {
        ConveneMajorPowerChannel command = body.toCommand();
        String id = command.channelId().toString();
        return writer.execute(context, Write.creating(command, MajorPowerChannel.class, id, Write.Part.CHANNEL, id, "/api/channels/" + id,
                Rule.CRISIS_NOT_FOUND, Rule.CHANNEL_ALREADY_EXISTS, body));
    }

    @PostMapping("/{channelId}/acknowledgements")
    @Operation(summary = "A participant acknowledges the channel", description = "Appends ChannelParticipationAcknowledged")
    ResponseEntity<WriteAnswer> acknowledge(@PathVariable ChannelId channelId,
                                            @RequestBody ChannelRequests.Acknowledge body, WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    @PostMapping("/{channelId}/statements")
    @Operation(summary = "A participant states its position", description = "Appends PositionStatementSubmitted")
    ResponseEntity<WriteAnswer> state(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Statement body,
                                      WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    @PostMapping("/{channelId}/joint-statements")
    @Operation(summary = "Propose a joint statement",
            description = "Appends JointStatementProposed; replaces an unadopted proposal; answers the proposalId")
    @Creates
    ResponseEntity<WriteAnswer> propose(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Proposal body,
                                        WriteContext context) {
        ProposeJointStatement command = body.toCommand(channelId);
        String id = channelId.toString();
        return writer.execute(context, Write.creating(command, MajorPowerChannel.class, id, Write.Part.PROPOSAL, command.proposalId().toString(),
                "/api/channels/" + id, Rule.CHANNEL_NOT_FOUND, null, body));
    }

    @PostMapping("/{channelId}/joint-statements/{proposalId}/endorsements")
    @Operation(summary = "A participant endorses the current proposal",
            description = "Appends JointStatementEndorsed, and JointStatementAdopted once every participant has endorsed")
    ResponseEntity<WriteAnswer> endorse(@PathVariable ChannelId channelId, @PathVariable ProposalId proposalId,
                                        @RequestBody ChannelRequests.Endorsement body, WriteContext context) {
        return change(channelId, body.toCommand(channelId, proposalId), body, context);
    }

    @PostMapping("/{channelId}/closure")
    @Operation(summary = "Close the channel", description = "Appends MajorPowerChannelClosed, and PowerTrackClosed to its crisis")
    ResponseEntity<WriteAnswer> close(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Closure body,
                                      WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    private ResponseEntity<WriteAnswer> change(ChannelId channelId, Object command, Object body, WriteContext context) {
        return writer.execute(context, Write.changing(command, MajorPowerChannel.class, channelId.toString(), Rule.CHANNEL_NOT_FOUND, body));
    }
}
