package org.crisiscoordination.query.web;

import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer says nosniff; a read may be cached but checked again each time; a problem never. */
class AnswerHeadersIT extends QueryServiceIT {

    @Test
    void aReadIsNotSniffedAndIsCheckedAgainBeforeUse() {
        Api.Answer answer = api.get("/api/crises").send();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void problemAnswersToReadsAreNeitherSniffedNorStored() {
        assertNotSniffedNorStored(api.get("/api/crises/" + UUID.randomUUID()).send(), 404);
        assertNotSniffedNorStored(api.get("/api/crises/not-an-id").send(), 400);
    }

    private static void assertNotSniffedNorStored(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
}
