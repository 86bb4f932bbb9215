package org.crisiscoordination.query.hotspot;

import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the heat map counts of one crisis, folded from the crisis's own events. Each step names the
 * event's sequence number and is a no-op for an event already folded in ({@code version}), so a
 * batch handled again, or a parked event retried, changes nothing twice.
 *
 * @param peakSeverity     the highest severity the crisis has had (a de-escalation does not lower it)
 * @param channelsConvened how many major-power channels were convened about it
 * @param referrals        how many times it was referred to each organisation (absent: never)
 * @param resolvedAt       when it was resolved, null while it is open
 * @param version          the sequence number of the last event folded in
 */
record CrisisHeat(UUID crisisId, String hotspot, SecurityTopic topic, int peakSeverity, int channelsConvened,
                  Map<Organization, Integer> referrals, Instant raisedAt, Instant resolvedAt, long version) {

    CrisisHeat {
        referrals = Collections.unmodifiableMap(referrals.isEmpty() ? new EnumMap<>(Organization.class)
                : new EnumMap<>(referrals));
    }

    static CrisisHeat raised(RegionalCrisisRaised event, Instant at, long sequence) {
        return new CrisisHeat(event.crisisId().value(), event.hotspot(), event.topic(), event.severity().value(), 0,
                Map.of(), at, null, sequence);
    }

    CrisisHeat escalatedTo(Severity severity, long sequence) {
        return folded(sequence) ? this : new CrisisHeat(crisisId, hotspot, topic,
                Math.max(peakSeverity, severity.value()), channelsConvened, referrals, raisedAt, resolvedAt, sequence);
    }

    CrisisHeat referredTo(Organization organization, long sequence) {
        if (folded(sequence)) {
            return this;
        }
        Map<Organization, Integer> more = new EnumMap<>(Organization.class);
        more.putAll(referrals);
        more.merge(organization, 1, Integer::sum);
        return new CrisisHeat(crisisId, hotspot, topic, peakSeverity, channelsConvened, more, raisedAt, resolvedAt,
                sequence);
    }

    CrisisHeat convened(long sequence) {
        return folded(sequence) ? this : new CrisisHeat(crisisId, hotspot, topic, peakSeverity, channelsConvened + 1,
                referrals, raisedAt, resolvedAt, sequence);
    }

    CrisisHeat resolved(Instant at, long sequence) {
        return folded(sequence) ? this : new CrisisHeat(crisisId, hotspot, topic, peakSeverity, channelsConvened,
                referrals, raisedAt, at, sequence);
    }

    private boolean folded(long sequence) {
        return sequence <= version;
    }
}
