package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.Enums;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.crisiscoordination.kernel.validation.Validator;

/** The board's filters and page, parsed from query parameters; bad ones are a 400 naming each. */
record CrisisBoardQuery(CrisisStatus status, Severity minSeverity, SecurityTopic topic, Organization organization,
                        StateCode state, Track track, int page, int size) {

    /**
     * Which tracks a crisis is engaged on, one of four for each crisis: only the power track (a
     * channel), only the mechanism track (a referral not declined), both, or neither yet.
     */
    enum Track { POWER, MECHANISM, BOTH, NONE }

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    static CrisisBoardQuery parse(String status, Integer minSeverity, String topic, String organization, String state,
                                  String track, Integer page, Integer size) {
        Validator v = new Validator();
        CrisisStatus parsedStatus = v.parseOptional("status", status, s -> Enums.parse(CrisisStatus.class, s));
        Severity parsedSeverity = v.parseOptional("minSeverity", minSeverity, Severity::of);
        SecurityTopic parsedTopic = v.parseOptional("topic", topic, SecurityTopic::parse);
        Organization parsedOrganization = v.parseOptional("organization", organization, Organization::parse);
        StateCode parsedState = v.parseOptional("state", state, StateCode::of);
        Track parsedTrack = v.parseOptional("track", track, t -> Enums.parse(Track.class, t));
        int parsedPage = v.parseOptional("page", page, p -> within(p, 0, Integer.MAX_VALUE)) == null ? 0 : page;
        int parsedSize = v.parseOptional("size", size, s -> within(s, 1, MAX_SIZE)) == null ? DEFAULT_SIZE : size;
        v.throwIfInvalid();
        return new CrisisBoardQuery(parsedStatus, parsedSeverity, parsedTopic, parsedOrganization, parsedState,
                parsedTrack, parsedPage, parsedSize);
    }

    private static Integer within(int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw new InvalidValueException("", highest == Integer.MAX_VALUE ? "must be " + lowest + " or more"
                    : "must be from " + lowest + " to " + highest);
        }
        return value;
    }
}
