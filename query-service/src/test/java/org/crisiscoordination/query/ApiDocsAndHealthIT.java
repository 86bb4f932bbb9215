package org.crisiscoordination.query;

import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client authors rely on: the published OpenAPI document and the health probe. */
class ApiDocsAndHealthIT extends QueryServiceIT {

    @Test
    void theOpenApiDocumentListsTheBoardAndAuditEndpoints() {
        Api.Answer answer = api.get("/v3/api-docs").anonymous().send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("openapi").asText()).startsWith("3.");
        assertThat(answer.json().get("paths").fieldNames()).toIterable().contains("/api/crises",
                "/api/crises/{crisisId}", "/api/crises/{crisisId}/timeline", "/api/audit", "/api/audit/verify");
        assertThat(answer.json().get("paths").get("/api/crises").has("get")).isTrue();
    }

    @Test
    void theSwaggerUiIsServed() {
        assertThat(api.get("/swagger-ui.html").anonymous().send().status()).isEqualTo(302);
        assertThat(api.get("/swagger-ui/index.html").anonymous().send().status()).isEqualTo(200);
    }

    @Test
    void theServiceReportsItselfHealthy() {
        Api.Answer answer = api.get("/actuator/health").anonymous().send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("UP");
    }
}
