package org.crisiscoordination.command.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.command.write.CommandWriter;
import org.crisiscoordination.command.write.Write;
import org.crisiscoordination.command.write.WriteContext;
import org.crisiscoordination.command.write.WriteResponse.AggregateCreated;
import org.crisiscoordination.command.write.WriteResponse.Changed;
import org.crisiscoordination.command.write.WriteResponse.PartCreated;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.channel.ProposeJointStatement;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.crisiscoordination.command.write.AggregateType.CHANNEL;
import static org.crisiscoordination.command.write.AggregateType.CRISIS;
import static org.crisiscoordination.command.write.Write.Part.PROPOSAL;

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
    AggregateCreated convene(@RequestBody ChannelRequests.Convene body, WriteContext context) {
        ConveneMajorPowerChannel command = body.toCommand();
        // the crisis convenes its channel, so an unknown crisis is what a bad id names
        return writer.execute(context, Write.createAggregate(CHANNEL, command.channelId().toString(), command, body)
                .addressedTo(CRISIS));
    }

    @PostMapping("/{channelId}/acknowledgements")
    @Operation(summary = "A participant acknowledges the channel", description = "Appends ChannelParticipationAcknowledged")
    Changed acknowledge(@PathVariable ChannelId channelId,
                        @RequestBody ChannelRequests.Acknowledge body, WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    @PostMapping("/{channelId}/statements")
    @Operation(summary = "A participant states its position", description = "Appends PositionStatementSubmitted")
    Changed state(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Statement body,
                  WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    @PostMapping("/{channelId}/joint-statements")
    @Operation(summary = "Propose a joint statement",
            description = "Appends JointStatementProposed; replaces an unadopted proposal; answers the proposalId")
    PartCreated propose(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Proposal body,
                        WriteContext context) {
        ProposeJointStatement command = body.toCommand(channelId);
        return writer.execute(context, Write.createPart(CHANNEL, channelId.toString(), PROPOSAL,
                command.proposalId().toString(), command, body));
    }

    @PostMapping("/{channelId}/joint-statements/{proposalId}/endorsements")
    @Operation(summary = "A participant endorses the current proposal",
            description = "Appends JointStatementEndorsed, and JointStatementAdopted once every participant has endorsed")
    Changed endorse(@PathVariable ChannelId channelId, @PathVariable ProposalId proposalId,
                    @RequestBody ChannelRequests.Endorsement body, WriteContext context) {
        return change(channelId, body.toCommand(channelId, proposalId), body, context);
    }

    @PostMapping("/{channelId}/closure")
    @Operation(summary = "Close the channel", description = "Appends MajorPowerChannelClosed, and PowerTrackClosed to its crisis")
    Changed close(@PathVariable ChannelId channelId, @RequestBody ChannelRequests.Closure body,
                  WriteContext context) {
        return change(channelId, body.toCommand(channelId), body, context);
    }

    private Changed change(ChannelId channelId, Object command, Object body, WriteContext context) {
        return writer.execute(context, Write.change(CHANNEL, channelId.toString(), command, body));
    }
}
