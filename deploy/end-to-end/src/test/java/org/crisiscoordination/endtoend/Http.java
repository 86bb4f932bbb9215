package org.crisiscoordination.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.testsupport.RightfulCaller;
import org.crisiscoordination.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON over HTTP as a client of the system sees it. A request that names no {@code Authorization}
 * header carries a token of the tests' issuer ({@link TestTokens}), for the caller its endpoint's
 * rights want ({@link RightfulCaller}).
 */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, String> REFERRED_TO = new ConcurrentHashMap<>();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {
    }

    static Answer post(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        authorise(request, "POST", url, json, headers);
        Answer answer = send(request.build());
        if (answer.status() == 201 && answer.body() != null && answer.body().hasNonNull("referralId")) {
            try {
                REFERRED_TO.put(answer.body().get("referralId").asText(), JSON.readTree(json).get("organization").asText());
            } catch (IOException notJson) {
                // a referral was made, so its body was JSON
            }
        }
        return answer;
    }

    static Answer get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        authorise(request, "GET", url, null, headers);
        return send(request.build());
    }

    /** The headers given, and a token of the rightful caller unless they name one. */
    private static void authorise(HttpRequest.Builder request, String method, String url, String body, String... headers) {
        boolean named = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            named |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!named) {
            request.header("Authorization",
                    RightfulCaller.of(method, URI.create(url).getPath(), body, REFERRED_TO).bearer());
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
