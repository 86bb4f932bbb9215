package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CrisisBoardSmokeIT extends QueryServiceIT {

    @Test
    void showsARaisedCrisisOnTheBoard() {
        CrisisId crisis = CrisisId.random();
        events.append("Crisis", crisis.toString(), new RegionalCrisisRaised(crisis, "Quake", "Luzon",
                SecurityTopic.DISASTER_RELIEF, Severity.of(2), List.of(StateCode.of("PH")), "M7 earthquake"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var answer = api.get("/api/crises/" + crisis).send();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("status")).isEqualTo("RAISED");
        });
    }
}
