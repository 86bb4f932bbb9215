package org.crisiscoordination.kernel.validation;

/** The lengths free text may take. */
public final class TextLimits {

    public static final int TITLE = 200;
    public static final int HOTSPOT = 200;
    public static final int SUMMARY = 4_000;
    public static final int REASON = 2_000;
    public static final int MANDATE = 2_000;
    public static final int FINDINGS = 4_000;
    public static final int RECOMMENDATION = 4_000;
    public static final int DESCRIPTION = 2_000;
    public static final int RESOLUTION = 4_000;
    public static final int AGENDA = 2_000;
    public static final int STATEMENT = 4_000;
    public static final int NOTE = 2_000;

    private TextLimits() {
    }
}
