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
        // by the stored type first: only referrals are deserialised, and a stream that is not a
        // crisis's (the aggregate answers 404 for it) is never read as one
        return events.readEvents(crisisId.toString()).asStream()
                .filter(event -> CrisisReferredToOrganization.class.equals(event.getPayloadType()))
                .map(event -> (CrisisReferredToOrganization) event.getPayload())
                .filter(referred -> referred.referralId().equals(referralId))
                .map(referred -> Party.of(referred.organization().name()))
                .findFirst();
    }
}
