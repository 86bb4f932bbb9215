package org.crisiscoordination.query.channel;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A major-power channel as its view shows it.
 *
 * @param jointStatement NONE, PROPOSED or ADOPTED
 * @param pledges        the non-violence pledges its participants have made
 */
public record ChannelView(String channelId, String crisisId, String agenda, String status, @Schema(nullable = true) String outcome, @Schema(nullable = true) String note,
                          Instant convenedAt, Duration acknowledgeWithin, Instant acknowledgeBy, @Schema(nullable = true) Instant closedAt,
                          long version, int acknowledged, List<Participant> participants, List<Statement> statements,
                          String jointStatement, @Schema(nullable = true) Proposal currentProposal, List<Pledge> pledges) {

    /**
     * @param acknowledgementLatency from convening to acknowledgement
     * @param late                   acknowledged after the deadline
     * @param overdue                the deadline passed before it acknowledged
     */
    public record Participant(String participant, @Schema(nullable = true) Instant acknowledgedAt, @Schema(nullable = true) Duration acknowledgementLatency, boolean late,
                              boolean overdue, @Schema(nullable = true) Instant overdueAt, boolean pledged) {
    }

    public record Statement(String participant, String text, Instant submittedAt) {
    }

    /** @param status CURRENT or ADOPTED; {@code endorsed} of {@code required} participants have endorsed it */
    public record Proposal(String proposalId, String proposer, String text, Instant proposedAt, String status,
                           List<Endorsement> endorsements, int endorsed, int required, @Schema(nullable = true) Instant adoptedAt) {
    }

    public record Endorsement(String participant, Instant endorsedAt) {
    }

    public record Pledge(String party, Instant pledgedAt) {
    }
}
