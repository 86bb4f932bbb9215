package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/** A body over 64 KiB is 413 whether its length is declared or it comes chunked; a body not declared JSON is 415. */
class RequestBodyLimitsIT extends CommandServiceIT {

    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    private int port;

    private String crisisId;
    private long storedBefore;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
        storedBefore = eventCount();
    }

    @Test
    void aBodyOver64KiBWithContentLengthIs413() {
        String resolution = path(crisisId, "/resolution");

        Api.Answer answer = api.post(resolution, oversized()).send();

        assertProblem(answer, 413, "payload-too-large", resolution);
        assertNothingAppended();
    }

    @Test
    void aChunkedBodyOver64KiBIs413() throws Exception {
        String resolution = path(crisisId, "/resolution");

        Api.Answer answer = sendChunked(resolution, oversized());

        assertProblem(answer, 413, "payload-too-large", resolution);
        assertNothingAppended();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
        Api.Answer answer = sendChunked(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD"));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    @Test
    void aRaiseOver64KiBIs413() {
        String body = Crises.RAISE.replace("A resupply mission was blocked", "x".repeat(LIMIT));

        Api.Answer answer = api.post("/api/crises", body).send();

        assertProblem(answer, 413, "payload-too-large", "/api/crises");
        assertNothingAppended();
    }

    @Test
    void aPlainTextBodyIs415() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("Content-Type", "text/plain").send();

        assertProblem(answer, 415, "unsupported-media-type", escalations);
        assertNothingAppended();
    }

    @Test
    void aFormBodyIs415() {
        Api.Answer answer = api.post("/api/crises", "title=Reef+standoff")
                .header("Content-Type", "application/x-www-form-urlencoded").send();

        assertProblem(answer, 415, "unsupported-media-type", "/api/crises");
        assertNothingAppended();
    }

    @Test
    void aBodyWithoutAContentTypeIs415() {
        String escalations = path(crisisId, "/escalations");

        Api.Answer answer = api.post(escalations, Crises.severity(4)).header("Content-Type", null).send();

        assertProblem(answer, 415, "unsupported-media-type", escalations);
        assertNothingAppended();
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        Api.Answer answer = api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .header("Content-Type", "application/json; charset=UTF-8").send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(eventCount(crisisId)).isEqualTo(2);
    }

    /** A well-formed resolution whose text alone passes the limit. */
    private static String oversized() {
        String body = "{\"resolution\":\"" + "x".repeat(LIMIT + 1024) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT);
        return body;
    }

    /** Sends a body of unknown length, which the JDK client transfers chunked. */
    private Api.Answer sendChunked(String path, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TestCaller.staff().bearer())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        // a length the client does not know is sent with Transfer-Encoding: chunked, no Content-Length
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : new ObjectMapper().readTree(response.body());
        return new Api.Answer(response.statusCode(), response, json);
    }

    private void assertNothingAppended() {
        assertThat(eventCount()).isEqualTo(storedBefore);
        assertThat(eventCount(crisisId)).isEqualTo(1);
    }
}
