package org.crisiscoordination.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service describes its API at /v3/api-docs and reports its health. */
class ServiceEndpointsIT extends CommandServiceIT {

    @Test
    void theOpenApiDocumentListsEveryCrisisWrite() {
        Api.Answer answer = api.get("/v3/api-docs").send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().get("paths");
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        assertThat(listed).contains("/api/crises", "/api/crises/{crisisId}/escalations",
                "/api/crises/{crisisId}/de-escalations", "/api/crises/{crisisId}/referrals",
                "/api/crises/{crisisId}/referrals/{referralId}/acceptance",
                "/api/crises/{crisisId}/referrals/{referralId}/decline",
                "/api/crises/{crisisId}/referrals/{referralId}/outcome",
                "/api/crises/{crisisId}/minilateral-involvements", "/api/crises/{crisisId}/resolution");
        listed.stream().filter(p -> p.startsWith("/api/crises"))
                .forEach(p -> assertThat(paths.get(p).has("post")).as(p).isTrue());
    }

    @Test
    void theHealthEndpointAnswersUp() {
        Api.Answer answer = api.get("/actuator/health").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("UP");
    }
}
