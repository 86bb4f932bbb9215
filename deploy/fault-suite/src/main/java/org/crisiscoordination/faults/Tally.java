package org.crisiscoordination.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one scenario: its commands as the client saw them, against the events the store
 * holds for them.
 *
 * @param sent         commands sent (each once, then again if it was not acknowledged)
 * @param acknowledged commands answered 2xx the first time
 * @param resent       commands sent again with their Idempotency-Key
 * @param landed       resent commands answered 2xx in the end
 * @param stored       commands whose event the store holds
 * @param lost         acknowledged commands (at any try) whose event the store does not hold
 * @param duplicates   commands whose event the store holds more than once
 * @param unlanded     commands never acknowledged, even when resent
 * @param strays       events with the scenario's prefix that no command sent can account for
 */
record Tally(long sent, long acknowledged, long resent, long landed, long stored, long lost, long duplicates,
             long unlanded, long strays) {

    static Tally of(List<Command> commands, Map<String, Integer> events) {
        long sent = commands.size();
        long acknowledged = commands.stream().filter(Command::acknowledgedFirstTime).count();
        long resent = commands.stream().filter(Command::resent).count();
        long landed = commands.stream().filter(c -> c.resent() && c.acknowledged()).count();
        long stored = commands.stream().filter(c -> events.getOrDefault(c.key(), 0) > 0).count();
        long lost = commands.stream().filter(c -> c.acknowledged() && events.getOrDefault(c.key(), 0) == 0).count();
        long duplicates = commands.stream().filter(c -> events.getOrDefault(c.key(), 0) > 1).count();
        long unlanded = commands.stream().filter(c -> !c.acknowledged()).count();
        Set<String> keys = new HashSet<>();
        commands.forEach(c -> keys.add(c.key()));
        long strays = events.keySet().stream().filter(key -> !keys.contains(key)).count();
        return new Tally(sent, acknowledged, resent, landed, stored, lost, duplicates, unlanded, strays);
    }

    /** Every command stored exactly once, and nothing else stored under the scenario's keys. */
    boolean exact() {
        return lost == 0 && duplicates == 0 && unlanded == 0 && strays == 0 && stored == sent;
    }

    @Override
    public String toString() {
        return "sent " + sent + ", acknowledged " + acknowledged + ", resent " + resent + " (" + landed
                + " landed), stored " + stored + ", lost " + lost + ", duplicates " + duplicates
                + (unlanded > 0 ? ", never landed " + unlanded : "") + (strays > 0 ? ", stray events " + strays : "");
    }
}
