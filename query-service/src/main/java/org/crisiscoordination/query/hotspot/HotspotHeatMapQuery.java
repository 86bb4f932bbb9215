package org.crisiscoordination.query.hotspot;

import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

/** The heat map's filters and page, parsed from query parameters; bad ones are a 400 naming each. */
record HotspotHeatMapQuery(String hotspot, SecurityTopic topic, Organization organization, Severity minSeverity,
                           int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    static HotspotHeatMapQuery parse(String hotspot, String topic, String organization, Integer minSeverity,
                                     Integer page, Integer size) {
        Validator v = new Validator();
        v.optionalText("hotspot", hotspot, TextLimits.HOTSPOT);
        SecurityTopic parsedTopic = v.parseOptional("topic", topic, SecurityTopic::parse);
        Organization parsedOrganization = v.parseOptional("organization", organization, Organization::parse);
        Severity parsedSeverity = v.parseOptional("minSeverity", minSeverity, Severity::of);
        int parsedPage = v.parseOptional("page", page, p -> within(p, 0, Integer.MAX_VALUE)) == null ? 0 : page;
        int parsedSize = v.parseOptional("size", size, s -> within(s, 1, MAX_SIZE)) == null ? DEFAULT_SIZE : size;
        v.throwIfInvalid();
        return new HotspotHeatMapQuery(hotspot == null || hotspot.isEmpty() ? null : hotspot, parsedTopic,
                parsedOrganization, parsedSeverity, parsedPage, parsedSize);
    }

    private static Integer within(int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw new InvalidValueException("", highest == Integer.MAX_VALUE ? "must be " + lowest + " or more"
                    : "must be from " + lowest + " to " + highest);
        }
        return value;
    }
}
