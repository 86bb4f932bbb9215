package org.crisiscoordination.command.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crisiscoordination.kernel.crisis.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the power track may be engaged.
 *
 * @param channelSeverityThreshold the lowest severity for which the major powers are convened;
 *                                 crises below it go to the mechanism track
 */
@Validated
@ConfigurationProperties("crisis.power-track")
public record PowerTrackPolicy(@Min(Severity.LOWEST) @Max(Severity.HIGHEST) @DefaultValue("3") int channelSeverityThreshold) {

    public boolean allowsChannelAt(Severity severity) {
        return severity.value() >= channelSeverityThreshold;
    }
}
