package org.crisiscoordination.command.web;

import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer says nosniff; no write's answer may be kept by a cache, nor a body Tomcat refuses
 * (the refusals the web layer alone gives are in {@link AnswerHeadersTest}).
 */
class AnswerHeadersIT extends CommandServiceIT {

    @Test
    void aWrittenAnswerIsNeitherSniffedNorStored() {
        assertNotSniffedNorStored(api.post("/api/crises", Crises.RAISE).send(), 201);
    }

    @Test
    void aBodyRefusedBeforeSpringSeesItIsNeitherSniffedNorStored() {
        assertNotSniffedNorStored(api.post("/api/crises", "x".repeat(70 * 1024)).send(), 413);
    }

    private static void assertNotSniffedNorStored(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
}
