package org.crisiscoordination.command.web;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * Requests no endpoint serves are answered from the same problem catalogue, never with a 500, and
 * append nothing (what needs no store is in {@link UnroutableRequestsTest}).
 */
class UnroutableRequestsIT extends CommandServiceIT {

    @Test
    void anUnknownPathIs404() {
        String unknown = "/api/crises/" + Crises.randomId() + "/annexations";
        long before = eventCount();

        Api.Answer answer = api.post(unknown, "{}").send();

        assertProblem(answer, 404, "not-found", unknown);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWriteThatAcceptsOnlyXmlIs406() {
        long before = eventCount();

        Api.Answer answer = api.post("/api/crises", Crises.RAISE).header("Accept", "application/xml").send();

        assertThat(answer.status()).isEqualTo(406);
        assertThat(eventCount()).isEqualTo(before);
    }
}
