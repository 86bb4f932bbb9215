package org.crisiscoordination.query.hotspot;

import java.util.Map;

/**
 * One cell of the heat map: the crises of one hotspot on one topic.
 *
 * @param crises           how many crises were raised there on that topic
 * @param openCrises       how many of them are not resolved
 * @param peakSeverity     the highest severity any of them has had
 * @param channelsConvened how many major-power channels were convened about them
 * @param referrals        how many referrals they had, by organisation (every organisation named, 0 included)
 * @param daysOpen         the days they have been open, added up: each from its raise to its resolution, or
 *                         to now while it is open; to one decimal place
 */
public record HotspotHeat(String hotspot, String topic, long crises, long openCrises, int peakSeverity,
                          long channelsConvened, Map<String, Long> referrals, double daysOpen) {
}
