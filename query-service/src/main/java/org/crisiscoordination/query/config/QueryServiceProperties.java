package org.crisiscoordination.query.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The query service's tunables.
 *
 * @param projections how projections learn of new events
 * @param consistency how long a read waits for the write its consistency token names
 */
@Validated
@ConfigurationProperties("crisis")
public record QueryServiceProperties(@NotNull @DefaultValue Projections projections,
                                     @NotNull @DefaultValue Consistency consistency) {

    /**
     * @param pollInterval how often the store is polled when no notification arrives; commits
     *                     are announced by NOTIFY, so this is only the fallback
     * @param batchSize    how many events every projection handles in one transaction (Axon's
     *                     default, 1, replays several times slower)
     * @param segments     how many segments each projection's processor is split into when its
     *                     tokens are first made (later changes take a split or merge); segments
     *                     are handled in parallel, and spread over the running query services
     * @param threads      how many segments of each projection one instance may hold at once: at
     *                     least {@code segments}, so that one instance can hold them all when the
     *                     others are gone
     * @param claimInterval how often an instance looks for segments nobody holds (or whose holder's
     *                     claim has timed out, {@code axon.eventhandling.tokenstore.claim-timeout})
     * @param balanceInterval how often an instance compares the segments it holds with its fair
     *                     share among the running query services, and releases one above it
     */
    public record Projections(@NotNull @DefaultValue("PT1S") Duration pollInterval,
                              @Positive @DefaultValue("100") int batchSize,
                              @Positive @DefaultValue("2") int segments,
                              @Positive @DefaultValue("2") int threads,
                              @NotNull @DefaultValue("PT1S") Duration claimInterval,
                              @NotNull @DefaultValue("PT2S") Duration balanceInterval) {
    }

    /** @param maxWait the longest a read waits for its consistency token before answering 503 */
    public record Consistency(@NotNull @DefaultValue("PT5S") Duration maxWait) {
    }
}
