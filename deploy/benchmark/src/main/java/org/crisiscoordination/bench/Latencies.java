package org.crisiscoordination.bench;

import java.util.Arrays;
import java.util.Collection;

/** Durations of one kind, in nanoseconds, read as percentiles in milliseconds. */
final class Latencies {

    private final long[] sorted;

    Latencies(Collection<long[]> parts) {
        this.sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile in milliseconds; NaN when nothing was measured. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 10_000.0) / 100.0;
    }

    /** Growable per-thread recording, so that threads never contend on it. */
    static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }
}
