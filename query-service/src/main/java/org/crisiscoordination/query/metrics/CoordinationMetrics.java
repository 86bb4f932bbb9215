package org.crisiscoordination.query.metrics;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.util.List;

/**
 * How the mechanism coordinates, measured over the whole record.
 *
 * @param timeToConvene          from raising a crisis to convening its channel
 * @param acknowledgementLatency per major power, from convening to its acknowledgement
 * @param referralAcceptance     per organisation, how many referrals it accepted of those it answered
 * @param agendaCoverage         per tier, how much of the graduated agenda is agreed
 * @param inclusiveness          member states among the states of the region
 * @param voiceBalance           each participant's share of all position statements
 */
public record CoordinationMetrics(Durations timeToConvene, List<PowerLatency> acknowledgementLatency,
                                  List<ReferralAcceptance> referralAcceptance, List<TierCoverage> agendaCoverage,
                                  Inclusiveness inclusiveness, List<Voice> voiceBalance) {

    /** A distribution of durations; empty ones have nulls. */
    public record Durations(int count, @Schema(nullable = true) Duration average, @Schema(nullable = true) Duration median, @Schema(nullable = true) Duration max) {
    }

    /** @param pending channels in which it has not acknowledged yet */
    public record PowerLatency(String participant, Durations latency, int late, int overdue, int pending) {
    }

    /** @param acceptanceRate accepted of answered (accepted + declined), 0..1; null while none is answered */
    public record ReferralAcceptance(String organization, int referred, int accepted, int declined, int pending,
                                     @Schema(nullable = true) Double acceptanceRate) {
    }

    public record TierCoverage(int tier, int admitted, int topics, double coverage) {
    }

    /** @param ratio member states of the region over the states of the region, 0..1 */
    public record Inclusiveness(int memberStates, int statesOfTheRegion, double ratio) {
    }

    public record Voice(String participant, int statements, double share) {
    }
}
