package org.crisiscoordination.command.access;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.region.Party;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which organisation a referral was made to, from the crisis's own stream: a liaison answers only
 * its organisation's referrals. A referral's organisation never changes once it is recorded, so
 * reading it before the write's transaction cannot go stale.
 */
@Component
public class Referrals {

    private final EventStore events;

    public Referrals(EventStore events) {
        this.events = events;
    }

    /** The organisation, or empty when the crisis has no such referral (the aggregate then says 404). */
    public Optional<Party> organisationOf(CrisisId crisisId, ReferralId referralId) {
        return events.readEvents(crisisId.toString()).asStream()
                .map(event -> event.getPayload())
                .filter(CrisisReferredToOrganization.class::isInstance)
                .map(CrisisReferredToOrganization.class::cast)
                .filter(referred -> referred.referralId().equals(referralId))
                .map(referred -> Party.of(referred.organization().name()))
                .findFirst();
    }
}
