package org.crisiscoordination.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service describes its API at /v3/api-docs and reports its health, to anyone, with no token. */
class ServiceEndpointsIT extends CommandServiceIT {

    @Test
    void theOpenApiDocumentListsEveryCrisisWrite() {
        Api.Answer answer = api.get("/v3/api-docs").anonymous().send();

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
    void theOpenApiDocumentListsEveryChannelAndMechanismWriteWithItsHeadersAndProblems() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");

        assertThat(paths.has("/api/channels/{channelId}/joint-statements/{proposalId}/endorsements")).isTrue();
        assertThat(paths.has("/api/mechanism/pledges")).isTrue();
        JsonNode convene = paths.get("/api/channels").get("post");
        List<String> headers = new ArrayList<>();
        convene.get("parameters").forEach(parameter -> headers.add(parameter.get("name").asText()));
        assertThat(headers).contains("X-Correlation-Id", "Idempotency-Key")
                .doesNotContain("X-Actor", "X-On-Behalf-Of", "context");
        assertThat(convene.get("responses").has("201")).isTrue();
        assertThat(convene.get("responses").has("401")).isTrue();
        assertThat(convene.get("responses").has("403")).isTrue();
        assertThat(convene.get("responses").has("409")).isTrue();
        JsonNode close = paths.get("/api/channels/{channelId}/closure").get("post");
        assertThat(close.get("responses").has("200")).isTrue();
        assertThat(close.get("parameters").toString()).contains("If-Match");
    }

    @Test
    void theOpenApiDocumentNamesTheBearerTokenEveryWriteTakes() {
        JsonNode document = api.get("/v3/api-docs").anonymous().send().json();

        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void theSwaggerUiIsServed() {
        Api.Answer redirect = api.get("/swagger-ui.html").anonymous().send();
        assertThat(redirect.status()).isEqualTo(302);

        assertThat(api.get("/swagger-ui/index.html").anonymous().send().status()).isEqualTo(200);
    }

    @Test
    void theHealthEndpointAnswersUp() {
        Api.Answer answer = api.get("/actuator/health").anonymous().send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("UP");
    }
}
