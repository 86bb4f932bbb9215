package org.crisiscoordination.command.web;

import org.crisiscoordination.command.support.CommandWebSlice;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No problem answer may be sniffed or kept by a cache, as the web layer alone answers (see {@link AnswerHeadersIT}). */
class AnswerHeadersTest extends CommandWebSlice {

    @Test
    void aRefusedWriteIsNeitherSniffedNorStored() {
        assertNotSniffedNorStored(api.post("/api/crises", "{}").send(), 400);
    }

    @Test
    void aProblemAnswerToAReadIsNotStored() {
        assertNotSniffedNorStored(api.get("/api/no-such-thing").send(), 404);
    }

    private static void assertNotSniffedNorStored(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
}
