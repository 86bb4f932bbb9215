package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP client for the services' tests: JSON in, status, headers and JSON out. Every
 * request carries a bearer token: of the caller {@link Request#as} names, else of the caller its
 * endpoint's rights want ({@link RightfulCaller}); {@link Request#anonymous()} sends none.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The organisation of each referral this client saw made, for the liaison that answers it. */
    private final Map<String, String> referredTo = new ConcurrentHashMap<>();

    public Api(String base) {
        this.base = base;
    }

    /** An answer: its status, headers, raw body and the body as JSON (null if it is not JSON). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    /** A request being built. */
    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private java.time.Duration timeout;
        private TestCaller caller;
        private boolean anonymous;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Content-Type", "application/json");
        }

        /** Sends the request with this caller's token. */
        public Request as(TestCaller caller) {
            this.caller = caller;
            return this;
        }

        /** Sends the request with no token at all. */
        public Request anonymous() {
            this.anonymous = true;
            return this;
        }

        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** Fails the request (HttpTimeoutException) unless its answer comes within {@code limit}. */
        public Request within(java.time.Duration limit) {
            this.timeout = limit;
            return this;
        }

        public Request body(String json) {
            this.body = json;
            return this;
        }

        public Answer send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
            if (!anonymous && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
                TestCaller sender = caller != null ? caller : RightfulCaller.of(method, path, body, referredTo);
                builder.header("Authorization", sender.bearer());
            }
            headers.forEach(builder::header);
            if (timeout != null) {
                builder.timeout(timeout);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Answer answer = new Answer(response.statusCode(), response, parse(response.body()));
                rememberReferral(answer, body);
                return answer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Request post(String path, String body) {
        return new Request("POST", path).body(body);
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request delete(String path) {
        return new Request("DELETE", path);
    }

    private void rememberReferral(Answer answer, String requestBody) {
        JsonNode request = parse(requestBody);
        if (answer.status() == 201 && answer.json() != null && answer.json().hasNonNull("referralId")
                && request != null && request.hasNonNull("organization")) {
            referredTo.put(answer.json().get("referralId").asText(), request.get("organization").asText());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
