package org.crisiscoordination.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.crisiscoordination.kernel.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A projection's dead letters: listed, retried, evicted; the operator's. */
@RestController
@RequestMapping(path = "/api/projections/{name}/dead-letters")
@Tag(name = "Projections")
class DeadLetterController {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The events a projection parked, each with how many wait behind it in its sequence",
            description = "Sequences in the queue's order (least recently touched first), each in its own order")
    DeadLetters.DeadLetterPage list(@PathVariable String name, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        Validator v = new Validator();
        Integer parsedPage = v.parseOptional("page", page, p -> within(p, 0, Integer.MAX_VALUE));
        Integer parsedSize = v.parseOptional("size", size, s -> within(s, 1, MAX_SIZE));
        v.throwIfInvalid();
        return deadLetters.list(name, parsedPage == null ? 0 : parsedPage, parsedSize == null ? DEFAULT_SIZE : parsedSize);
    }

    @PostMapping(path = "/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retry every parked sequence of a projection, each once",
            description = "The projection's handlers run again on each sequence's letters in order; a sequence handled"
                    + " to its end leaves the queue, one that fails again stays parked (last touched now)")
    DeadLetters.RetryOutcome retryAll(@PathVariable String name) {
        return deadLetters.retryAll(name);
    }

    @PostMapping(path = "/{sequence}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retry one parked sequence of a projection",
            description = "As the retry of all, for one sequence; a sequence with nothing parked is tried zero times")
    DeadLetters.RetryOutcome retry(@PathVariable String name, @PathVariable String sequence) {
        return deadLetters.retry(name, sequence);
    }

    @DeleteMapping(path = "/{sequence}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Evict a sequence's letters: the projection gives up on those events",
            description = "204 whether or not the sequence held letters: afterwards it holds none. Later events of the"
                    + " sequence are handled as they come")
    void evict(@PathVariable String name, @PathVariable String sequence) {
        deadLetters.evict(name, sequence);
    }

    private static Integer within(int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw new InvalidValueException("", highest == Integer.MAX_VALUE ? "must be " + lowest + " or more"
                    : "must be from " + lowest + " to " + highest);
        }
        return value;
    }
}
