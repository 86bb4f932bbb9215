package org.crisiscoordination.command.web;

import org.crisiscoordination.command.support.CommandWebSlice;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/** Requests no endpoint serves, as the web layer alone answers them (see {@link UnroutableRequestsIT}). */
class UnroutableRequestsTest extends CommandWebSlice {

    @Test
    void aGetOfAWriteEndpointIs405() {
        String escalations = path(Crises.randomId(), "/escalations");

        Api.Answer answer = api.get(escalations).send();

        assertProblem(answer, 405, "method-not-allowed", escalations);
    }
}
