package org.crisiscoordination.command.channel;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crisiscoordination.kernel.channel.AcknowledgeChannel;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.channel.CloseChannel;
import org.crisiscoordination.kernel.channel.ConveneMajorPowerChannel;
import org.crisiscoordination.kernel.channel.EndorseJointStatement;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.channel.ProposeJointStatement;
import org.crisiscoordination.kernel.channel.SubmitPositionStatement;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.validation.Enums;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.crisiscoordination.kernel.validation.Validator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The bodies of the channel endpoints, as raw JSON values, each turned into its command. */
final class ChannelRequests {

    private ChannelRequests() {
    }

    record Convene(@Schema(description = "optional: a UUID of your choosing") String channelId,
                   String crisisId,
                   @Schema(description = "major powers: CN, US, RU, JP, IN, ASEAN", example = "[\"CN\", \"US\", \"ASEAN\"]")
                   List<String> participants,
                   String agenda,
                   @Schema(description = "ISO-8601 duration; default PT24H", example = "PT24H") String acknowledgeWithin) {

        ConveneMajorPowerChannel toCommand() {
            Validator v = new Validator();
            ChannelId id = channelId == null ? ChannelId.random() : v.parse("channelId", channelId, ChannelId::of);
            CrisisId crisis = v.parse("crisisId", crisisId, CrisisId::of);
            List<MajorPower> powers = v.parseEach("participants", participants, MajorPower::parse);
            Duration within = v.parseOptional("acknowledgeWithin", acknowledgeWithin, Convene::duration);
            return v.build(() -> new ConveneMajorPowerChannel(id, crisis, powers, agenda, within));
        }

        private static Duration duration(String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("", "'" + text + "' is not an ISO-8601 duration such as PT24H");
            }
        }
    }

    record Acknowledge(@Schema(implementation = MajorPower.class) String participant) {

        AcknowledgeChannel toCommand(ChannelId channelId) {
            Validator v = new Validator();
            MajorPower power = v.parse("participant", participant, MajorPower::parse);
            return v.build(() -> new AcknowledgeChannel(channelId, power));
        }
    }

    record Statement(@Schema(implementation = MajorPower.class) String participant, String text) {

        SubmitPositionStatement toCommand(ChannelId channelId) {
            Validator v = new Validator();
            MajorPower power = v.parse("participant", participant, MajorPower::parse);
            return v.build(() -> new SubmitPositionStatement(channelId, power, text));
        }
    }

    record Proposal(@Schema(description = "optional: a UUID of your choosing") String proposalId,
                    @Schema(implementation = MajorPower.class) String proposer, String text) {

        ProposeJointStatement toCommand(ChannelId channelId) {
            Validator v = new Validator();
            ProposalId id = proposalId == null ? ProposalId.random() : v.parse("proposalId", proposalId, ProposalId::of);
            MajorPower power = v.parse("proposer", proposer, MajorPower::parse);
            return v.build(() -> new ProposeJointStatement(channelId, id, power, text));
        }
    }

    record Endorsement(@Schema(implementation = MajorPower.class) String participant) {

        EndorseJointStatement toCommand(ChannelId channelId, ProposalId proposalId) {
            Validator v = new Validator();
            MajorPower power = v.parse("participant", participant, MajorPower::parse);
            return v.build(() -> new EndorseJointStatement(channelId, power, proposalId));
        }
    }

    record Closure(@Schema(description = "JOINT_STATEMENT_ADOPTED, NO_CONSENSUS or SUPERSEDED") String outcome,
                   @Schema(description = "optional") String note) {

        CloseChannel toCommand(ChannelId channelId) {
            Validator v = new Validator();
            ChannelOutcome parsed = v.parse("outcome", outcome, o -> Enums.parse(ChannelOutcome.class, o));
            return v.build(() -> new CloseChannel(channelId, parsed, note));
        }
    }
}
