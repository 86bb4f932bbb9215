package org.crisiscoordination.command.idempotency;

import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key's answer is kept 24 hours; after that the key is forgotten. */
class IdempotencyRetentionIT extends CommandServiceIT {

    @Autowired
    private IdempotencyStore store;

    @Test
    void aKeyOlderThanADayRunsItsRequestAnew() {
        String key = "retention-" + UUID.randomUUID();
        Api.Answer first = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send()
                .header("Idempotent-Replayed")).isEqualTo("true");

        ageBy25Hours(key);
        Api.Answer later = api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", key).send();

        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.text("id")).isNotEqualTo(first.text("id"));
        assertThat(eventCount(later.text("id"))).isEqualTo(1);
    }

    @Test
    void housekeepingForgetsKeysOlderThanADayAndKeepsTheOthers() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", old).send();
        api.post("/api/crises", Crises.RAISE).header("Idempotency-Key", recent).send();
        ageBy25Hours(old);

        store.forgetExpired();

        assertThat(rowsOf(old)).isZero();
        assertThat(rowsOf(recent)).isEqualTo(1);
    }

    private void ageBy25Hours(String key) {
        jdbc.update("update event_store.idempotency_key set created_at = created_at - interval '25 hours'"
                + " where idempotency_key = ?", key);
    }

    private int rowsOf(String key) {
        Integer rows = jdbc.queryForObject("select count(*) from event_store.idempotency_key where idempotency_key = ?",
                Integer.class, key);
        return rows == null ? 0 : rows;
    }
}
