package org.crisiscoordination.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One write the suite sends, and every try of it. Its correlation id is also its idempotency key:
 * each event a write appends stores its correlation id, so the event store tells how many times
 * the write landed, and a resend with the same key may replay the first answer but never land twice.
 *
 * @param key    correlation id and idempotency key, unique in the run
 * @param crisis the crisis it raises, or the one it records an involvement in
 * @param raise  whether it raises the crisis (else it records a minilateral involvement in it)
 * @param path   the write endpoint under the command service's {@code /api}
 * @param body   the JSON body, the same on every try
 */
record Command(String key, String crisis, boolean raise, String path, String body, List<Attempt> attempts) {

    static Command raise(String key, String crisis, int number) {
        return new Command(key, crisis, true, "/crises", """
                {"crisisId":"%s","title":"Fault suite crisis %d","hotspot":"Andaman Sea","topic":"DISASTER_RELIEF",\
                "severity":2,"involvedStates":["MM","TH"],"summary":"Raised under fault injection"}""".formatted(crisis, number),
                new CopyOnWriteArrayList<>());
    }

    static Command involvement(String key, String crisis, int number) {
        return new Command(key, crisis, false, "/crises/" + crisis + "/minilateral-involvements", """
                {"bloc":"QUAD","description":"Involvement %d, recorded under fault injection"}""".formatted(number),
                new CopyOnWriteArrayList<>());
    }

    Attempt first() {
        return attempts.isEmpty() ? null : attempts.get(0);
    }

    /** Answered 2xx by some try. */
    boolean acknowledged() {
        return attempts.stream().anyMatch(Attempt::acknowledged);
    }

    boolean acknowledgedFirstTime() {
        return first() != null && first().acknowledged();
    }

    boolean resent() {
        return attempts.size() > 1;
    }
}
