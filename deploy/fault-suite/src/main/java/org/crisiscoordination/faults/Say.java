package org.crisiscoordination.faults;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the suite tells its reader as it goes: what it tries, and what it finds. */
final class Say {

    private Say() {
    }

    static synchronized void line(String text) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + text);
    }

    static void launcher(String line) {
        line("    launcher | " + line);
    }

    static String seconds(java.time.Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
