package org.crisiscoordination.command.web;

import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/** Strict JSON (RFC 8259) has no byte-order mark: a body that starts with one is refused and stores nothing. */
class ByteOrderMarkIT extends CommandServiceIT {

    @Test
    void aBodyAfterAByteOrderMarkIsRefusedAsMalformed() {
        long storedBefore = eventCount();

        Api.Answer answer = api.post("/api/crises", "\uFEFF" + Crises.RAISE).send();

        assertThat(assertProblem(answer, 400, "malformed-request", "/api/crises").path("detail").asText())
                .contains("byte-order mark");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }
}
