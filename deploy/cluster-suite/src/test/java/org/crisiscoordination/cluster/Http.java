package org.crisiscoordination.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP with a bearer token: the cluster as any client sees it. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer; status -1 when nothing answered. */
    record Answer(int status, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Http() {
    }

    static Answer post(String url, String token, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), token, headers);
    }

    static Answer get(String url, String token, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, headers);
    }

    private static Answer send(HttpRequest.Builder request, String token, String... headers) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) { // a bearer token that is not valid is refused even where none is needed
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }
}
