package org.crisiscoordination.query.projection;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentBalancerTest {

    @Test
    void anInstanceHoldingBothSegmentsReleasesOneWhenASecondInstanceRuns() {
        assertThat(SegmentBalancer.segmentToRelease(Set.of(0, 1), 2, Map.of("1@a", 2), 2)).hasValue(1);
    }

    @Test
    void anInstanceAloneKeepsEverySegment() {
        assertThat(SegmentBalancer.segmentToRelease(Set.of(0, 1), 2, Map.of("1@a", 2), 1)).isEmpty();
    }

    @Test
    void instancesHoldingTheirFairShareReleaseNothing() {
        assertThat(SegmentBalancer.segmentToRelease(Set.of(0), 2, Map.of("1@a", 1, "2@b", 1), 2)).isEmpty();
        // three instances, two segments: a share of one each, one instance idle
        assertThat(SegmentBalancer.segmentToRelease(Set.of(1), 2, Map.of("1@a", 1, "2@b", 1), 3)).isEmpty();
    }

    @Test
    void anInstanceAboveItsShareReleasesOnlyWhenAnotherIsBelowIt() {
        // four segments over two instances: 3 and 1, so the first gives one up
        assertThat(SegmentBalancer.segmentToRelease(Set.of(0, 1, 3), 4, Map.of("1@a", 3, "2@b", 1), 2)).hasValue(3);
        // five over two: a share of three, so 3 and 2 stay as they are
        assertThat(SegmentBalancer.segmentToRelease(Set.of(0, 1, 2), 5, Map.of("1@a", 3, "2@b", 2), 2)).isEqualTo(OptionalInt.empty());
    }
}
