package org.crisiscoordination.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests Tomcat refuses before the service sees them are answered problem+json, never an HTML page. */
class MalformedHttpIT extends QueryServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void aControlCharacterInAHeaderValueIs400ProblemJson() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, "GET /api/crises HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Correlation-Id: a\u0001b\r\nConnection: close\r\n\r\n");
        assertProblemJson(answer, 400, "invalid-request");
    }

    @Test
    void headersOver8KiBAre431ProblemJson() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, "GET /api/crises HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "a".repeat(9 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertProblemJson(answer, 431, "request-headers-too-large");
    }

    private static void assertProblemJson(RawHttp.Answer answer, int status, String slug) throws Exception {
        assertThat(answer.status()).as(answer.headers() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:crisis-coordination:problem:" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isNotBlank().isEqualTo(answer.header("X-Correlation-Id"));
    }
}
