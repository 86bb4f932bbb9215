package org.crisiscoordination.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's counts can fail: each way a command can go wrong shows in its own figure. */
class TallyTest {

    private static final Attempt CREATED = new Attempt(Instant.now(), Duration.ofMillis(5), 201, null, null, null, false, null);
    private static final Attempt UNAVAILABLE = new Attempt(Instant.now(), Duration.ofMillis(5), 503, null,
            "application/problem+json", "2", false, "{}");
    private static final Attempt NO_ANSWER = new Attempt(Instant.now(), Duration.ofMillis(5), Attempt.NO_ANSWER,
            "refused", null, null, false, null);

    @Test
    void commandsStoredOnceEachAreExact() {
        Command acknowledged = command("k-1", CREATED);
        Command landedOnResend = command("k-2", NO_ANSWER, UNAVAILABLE, CREATED);

        Tally tally = Tally.of(List.of(acknowledged, landedOnResend), Map.of("k-1", 1, "k-2", 1));

        assertThat(tally).isEqualTo(new Tally(2, 1, 1, 1, 2, 0, 0, 0, 0));
        assertThat(tally.exact()).isTrue();
    }

    @Test
    void anAcknowledgedCommandMissingFromTheStoreIsLost() {
        Tally tally = Tally.of(List.of(command("k-1", CREATED), command("k-2", CREATED)), Map.of("k-1", 1));

        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.stored()).isEqualTo(1);
        assertThat(tally.exact()).isFalse();
    }

    @Test
    void aCommandStoredTwiceIsADuplicate() {
        Tally tally = Tally.of(List.of(command("k-1", NO_ANSWER, CREATED)), Map.of("k-1", 2));

        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.exact()).isFalse();
    }

    @Test
    void aCommandNeverAcknowledgedHasNotLandedEvenIfStored() {
        Tally tally = Tally.of(List.of(command("k-1", NO_ANSWER, UNAVAILABLE)), Map.of("k-1", 1));

        assertThat(tally.unlanded()).isEqualTo(1);
        assertThat(tally.lost()).isZero();
        assertThat(tally.exact()).isFalse();
    }

    @Test
    void anEventNoCommandSentAccountsForIsAStray() {
        Tally tally = Tally.of(List.of(command("k-1", CREATED)), Map.of("k-1", 1, "k-9", 1));

        assertThat(tally.strays()).isEqualTo(1);
        assertThat(tally.exact()).isFalse();
    }

    private static Command command(String key, Attempt... attempts) {
        Command command = Command.raise(key, "00000000-0000-4000-8000-000000000001", 1);
        command.attempts().addAll(List.of(attempts));
        return command;
    }
}
