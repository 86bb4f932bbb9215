package org.crisiscoordination.query.readmodel;

import java.util.Arrays;

/**
 * The two table sets every projection has, and the processors that fill them: the one place that
 * names them. Both sets are the same tables (the same migrations make both schemas); set A keeps
 * the projection's own processor name, set B the name with {@value #STANDBY_SUFFIX}. One set is
 * served while the other is idle or being rebuilt beside it (see {@code ServedVersions}).
 */
public enum TableSet {

    A("read_model", ""),
    B("read_model_b", TableSet.STANDBY_SUFFIX);

    /** What set B's processor adds to its projection's name. */
    public static final String STANDBY_SUFFIX = "@b";

    private final String schema;
    private final String suffix;

    TableSet(String schema, String suffix) {
        this.schema = schema;
        this.suffix = suffix;
    }

    /** The schema holding this set's tables; a projection's SQL names its tables without it. */
    public String schema() {
        return schema;
    }

    /** The processor (and processing group) that fills this set for the projection. */
    public String processor(String projection) {
        return projection + suffix;
    }

    public TableSet other() {
        return this == A ? B : A;
    }

    /** The projection a processor fills a set of. */
    public static String projectionOf(String processor) {
        return processor.endsWith(STANDBY_SUFFIX)
                ? processor.substring(0, processor.length() - STANDBY_SUFFIX.length()) : processor;
    }

    /** Whether the processor fills set B, that is, is not named after its projection alone. */
    public static boolean isStandby(String processor) {
        return processor.endsWith(STANDBY_SUFFIX);
    }

    public static TableSet named(String name) {
        return Arrays.stream(values()).filter(set -> set.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table set " + name));
    }
}
