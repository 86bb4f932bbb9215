package org.crisiscoordination.command.crisis;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisEndpointsSmokeIT extends CommandServiceIT {

    @Test
    void raisesACrisisAndAnswersItsVersionAndLocation() {
        Api.Answer answer = api.post("/api/crises", """
                {"title":"Reef standoff","hotspot":"Second Thomas Shoal","topic":"MARITIME_SECURITY",
                 "severity":3,"involvedStates":["PH","CN"],"summary":"A resupply mission was blocked"}
                """).send();

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.text("id");
        assertThat(answer.json().get("version").asLong()).isZero();
        assertThat(answer.header("Location")).isEqualTo("http://query.test:8081/api/crises/" + id);
        assertThat(eventCount(id)).isEqualTo(1);
    }
}
