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
                        StateCode state, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    static CrisisBoardQuery parse(String status, Integer minSeverity, String topic, String organization, String state,
                                  Integer page, Integer size) {
        Validator v = new Validator();
        CrisisStatus parsedStatus = v.parseOptional("status", status, s -> Enums.parse(CrisisStatus.class, s));
        Severity parsedSeverity = v.parseOptional("minSeverity", minSeverity, Severity::of);
        SecurityTopic parsedTopic = v.parseOptional("topic", topic, SecurityTopic::parse);
        Organization parsedOrganization = v.parseOptional("organization", organization, Organization::parse);
        StateCode parsedState = v.parseOptional("state", state, StateCode::of);
        int parsedPage = v.parseOptional("page", page, p -> within(p, 0, Integer.MAX_VALUE)) == null ? 0 : page;
        int parsedSize = v.parseOptional("size", size, s -> within(s, 1, MAX_SIZE)) == null ? DEFAULT_SIZE : size;
        v.throwIfInvalid();
        return new CrisisBoardQuery(parsedStatus, parsedSeverity, parsedTopic, parsedOrganization, parsedState,
                parsedPage, parsedSize);
    }

    private static Integer within(int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw new InvalidValueException("", highest == Integer.MAX_VALUE ? "must be " + lowest + " or more"
                    : "must be from " + lowest + " to " + highest);
        }
        return value;
    }
}
