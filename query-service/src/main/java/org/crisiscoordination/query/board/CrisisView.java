package org.crisiscoordination.query.board;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A crisis as the board shows it, with both tracks side by side.
 *
 * @param version         the crisis aggregate's version, which a write's {@code If-Match} names
 * @param dualTrack       both the power track and the mechanism track are engaged
 */
public record CrisisView(String crisisId, String title, String hotspot, String topic, int tier, int severity,
                         String status, List<String> involvedStates, String summary, Agenda agenda,
                         Instant raisedAt, Duration age, Instant lastActivityAt, long version, @Schema(nullable = true) Instant resolvedAt,
                         @Schema(nullable = true) String resolution, PowerTrack powerTrack, MechanismTrack mechanismTrack, boolean dualTrack,
                         List<Involvement> minilateralInvolvements) {

    /**
     * Whether the crisis's topic is on the agreed agenda; a crisis raised outside it is still
     * coordinated (crises do not wait).
     */
    public record Agenda(boolean onAgendaAtRaise, boolean onAgendaNow, boolean outsideAgreedAgenda) {
    }

    /**
     * The mechanism track: referrals to regional organisations. Engaged once an organisation has
     * a referral it has not declined.
     */
    public record MechanismTrack(boolean engaged, List<Referral> referrals) {
    }

    public record Referral(String referralId, String organization, String status, String mandate,
                           Instant referredAt, @Schema(nullable = true) Instant answeredAt, @Schema(nullable = true) String declineReason, @Schema(nullable = true) String findings,
                           @Schema(nullable = true) String recommendation, @Schema(nullable = true) Instant reportedAt) {
    }

    /**
     * The power track: the major-power channel. Engaged once a channel has been convened.
     *
     * @param channelId       the latest channel, if any
     * @param status          OPEN or CLOSED
     * @param acknowledged    how many participants have acknowledged it
     * @param participants    how many participants it has
     * @param jointStatement  NONE, PROPOSED or ADOPTED
     */
    public record PowerTrack(boolean engaged, @Schema(nullable = true) String channelId, @Schema(nullable = true) String status, @Schema(nullable = true) String outcome, int acknowledged,
                             int participants, @Schema(nullable = true) String jointStatement) {
    }

    public record Involvement(String bloc, String description, Instant recordedAt) {
    }
}
