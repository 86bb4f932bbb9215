package org.crisiscoordination.command.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * The command service's tunables.
 *
 * @param queryServiceUrl the query service's public base URL, for the {@code Location} of created things
 * @param writes          how writes behave under contention and retries
 */
@Validated
@ConfigurationProperties("crisis")
public record CommandServiceProperties(@NotNull URI queryServiceUrl, @NotNull @DefaultValue Writes writes) {

    /**
     * @param retryAttempts         attempts at a write that keeps losing races to concurrent writes
     *                              on its aggregate (without If-Match) before it answers 409
     * @param idempotencyRetention  how long the answer to an Idempotency-Key is kept
     */
    public record Writes(@Min(1) @Max(20) @DefaultValue("8") int retryAttempts,
                         @NotNull @DefaultValue("PT24H") Duration idempotencyRetention) {
    }
}
