package org.crisiscoordination.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every command one scenario sent, in the order they were made. Half of them raise a crisis, half
 * record a minilateral involvement in a crisis raised before (so some writers race on the same
 * crisis): each appends exactly one event.
 */
final class Ledger {

    private final String prefix;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<String> raised = new CopyOnWriteArrayList<>();
    private final AtomicInteger made = new AtomicInteger();

    /** @param prefix what every key of the scenario starts with, unique in the store */
    Ledger(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** A new command, noted before it is first sent. */
    Command next() {
        int number = made.incrementAndGet();
        String key = prefix + number;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Command command = raised.size() < 4 || random.nextBoolean()
                ? Command.raise(key, UUID.randomUUID().toString(), number)
                : Command.involvement(key, raised.get(random.nextInt(raised.size())), number);
        commands.add(command);
        return command;
    }

    /** Notes what an answer means for later commands: an acknowledged raise is a crisis to write to. */
    void answered(Command command, Attempt attempt) {
        if (command.raise() && attempt.acknowledged()) {
            raised.add(command.crisis());
        }
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    long acknowledged() {
        return commands.stream().filter(Command::acknowledged).count();
    }

    List<Command> unacknowledged() {
        return commands.stream().filter(c -> !c.acknowledged()).toList();
    }

    /** Waits until {@code count} commands have been acknowledged in all; false if that took longer than {@code limit}. */
    boolean awaitAcknowledged(long count, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (acknowledged() < count) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            FaultDatabase.pause(Duration.ofMillis(50));
        }
        return true;
    }
}
