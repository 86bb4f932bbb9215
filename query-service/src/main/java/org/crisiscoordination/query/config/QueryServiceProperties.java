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
     */
    public record Projections(@NotNull @DefaultValue("PT1S") Duration pollInterval,
                              @Positive @DefaultValue("100") int batchSize) {
    }

    /** @param maxWait the longest a read waits for its consistency token before answering 503 */
    public record Consistency(@NotNull @DefaultValue("PT5S") Duration maxWait) {
    }
}
