package org.crisiscoordination.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.edge.security.CallerAuthentication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console reads through the read API, as the signed-in caller, with the caller's own token: so
 * it shows exactly what the API would answer that caller, refusals included, and the rights table
 * stays the one place that decides who reads what.
 */
@Component
class ConsoleApi {

    /** An answer of the API: its status, and its body as maps and lists for the templates. */
    record Answer(int status, Object body, String detail) {

        public boolean ok() {
            return status == 200;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) body;
        }
    }

    private final ObjectMapper json;
    private final RestClient.Builder builder;
    private volatile RestClient client;
    private volatile String base;

    ConsoleApi(ObjectMapper json, RestClient.Builder builder) {
        this.json = json;
        this.builder = builder;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            base = "http://127.0.0.1:" + event.getWebServer().getPort();
            client = builder.build();
        }
    }

    Answer get(String path) {
        return get(path, Map.of());
    }

    /** GET of a path with query parameters (null values left out), each strictly encoded. */
    Answer get(String path, Map<String, ?> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path(path);
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        URI target = uri.encode().buildAndExpand(values).toUri();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication caller)) {
            throw new IllegalStateException("the console reads only for a signed-in caller");
        }
        return client.get().uri(target)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.getCredentials().getTokenValue())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    JsonNode body = json.readTree(response.getBody());
                    int status = response.getStatusCode().value();
                    String detail = status == 200 || body == null ? null : body.path("detail").asText(null);
                    return new Answer(status, body == null ? null : json.convertValue(body, Object.class), detail);
                });
    }
}
