package org.crisiscoordination.faults;

import java.util.ArrayList;
import java.util.List;

/** What one scenario tried and found: its figures and each promise it checked, printed as they come. */
final class ScenarioResult {

    /** One promise checked: whether it held, and what was seen. */
    record Check(String promise, boolean held, String seen) {
    }

    private final String name;
    private final List<Check> checks = new ArrayList<>();
    private Tally tally;

    ScenarioResult(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Tally tally() {
        return tally;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::held);
    }

    void tally(Tally tally) {
        this.tally = tally;
        Say.line("  counted in the event store: " + tally);
        check("every acknowledged command is stored, and stored once", tally.lost() == 0 && tally.duplicates() == 0,
                "lost " + tally.lost() + ", duplicates " + tally.duplicates());
        check("every other command landed exactly once when resent with its Idempotency-Key",
                tally.unlanded() == 0 && tally.strays() == 0 && tally.stored() == tally.sent(),
                tally.resent() + " resent, " + tally.landed() + " landed; stored " + tally.stored() + " of "
                        + tally.sent() + (tally.unlanded() > 0 ? "; never landed " + tally.unlanded() : "")
                        + (tally.strays() > 0 ? "; stray events " + tally.strays() : ""));
    }

    boolean check(String promise, boolean held, String seen) {
        checks.add(new Check(promise, held, seen));
        Say.line("  " + (held ? "holds " : "FAILED") + "  " + promise + ": " + seen);
        return held;
    }

    /** The scenario could not go on: recorded as a failed check. */
    void broke(Exception e) {
        check("the scenario ran to its end", false, e.toString());
    }
}
