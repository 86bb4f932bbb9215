package org.crisiscoordination.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Api} for a web slice: the same requests (JSON with a bearer token of the staff, the
 * secretariat's among its roles, unless told otherwise) sent through MockMvc instead of a socket, answered as {@link Api.Answer}s, so that a
 * test moved from a running service to a slice keeps its assertions word for word.
 */
public final class SliceApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    public SliceApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Request post(String path, String body) {
        return new Request(HttpMethod.POST, path, body);
    }

    public Request get(String path) {
        return new Request(HttpMethod.GET, path, null);
    }

    /** A request being built; its headers start as {@link Api}'s do. */
    public final class Request {
        private final HttpMethod method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(HttpMethod method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
            headers.put("Content-Type", "application/json");
            headers.put("Authorization", TestCaller.staff().bearer());
        }

        /** Sends the request with this caller's token. */
        public Request as(TestCaller caller) {
            return header("Authorization", caller.bearer());
        }

        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Api.Answer send() {
            URI uri = URI.create(path);
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri);
            headers.forEach(request::header);
            if (body != null) {
                request.content(body.getBytes(StandardCharsets.UTF_8));
            }
            try {
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                String text = response.getContentAsString(StandardCharsets.UTF_8);
                return new Api.Answer(response.getStatus(), new Answered(response, text, uri, method), parse(text));
            } catch (Exception e) {
                throw new IllegalStateException("MockMvc could not perform " + method + " " + path, e);
            }
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

    /** A MockMvc response as the {@link HttpResponse} an {@link Api.Answer} holds. */
    private record Answered(MockHttpServletResponse response, String body, URI uri, HttpMethod method)
            implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.getStatus();
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://slice").resolve(uri))
                    .method(method.name(), HttpRequest.BodyPublishers.noBody()).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                all.put(name, response.getHeaders(name));
            }
            return HttpHeaders.of(all, (name, value) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
