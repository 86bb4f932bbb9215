package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedAnswersTest {

    private static final String DOCUMENT = """
            {"paths": {"/api/things/{id}": {"get": {"responses": {
               "200": {"headers": {"ETag": {}},
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {
               "id": {"type": "string"},
               "count": {"type": "integer"},
               "note": {"type": ["string", "null"]},
               "tags": {"type": "array", "items": {"type": "string"}}}}}}}""";

    private final DocumentedAnswers answers = new DocumentedAnswers(read(DOCUMENT));
    private final JsonNode get = answers.operations().get("GET /api/things/{id}");

    @Test
    void anAnswerAsDocumentedHasNoViolation() {
        assertThat(violations(200, "application/json", "{\"id\":\"a\",\"count\":2,\"note\":null,\"tags\":[\"x\"]}", "\"1\""))
                .isEmpty();
    }

    @Test
    void eachWayOfDifferingFromTheDocumentIsNamed() {
        assertThat(violations(500, "application/json", "{}", null)).singleElement().asString().contains("undocumented 500");
        assertThat(violations(200, "text/html", "<p>", "\"1\"")).singleElement().asString().contains("text/html");
        assertThat(violations(200, "application/json", "{\"id\":\"a\"}", null)).singleElement().asString().contains("ETag");
        assertThat(violations(200, "application/json", "{\"count\":1}", "\"1\"")).singleElement().asString()
                .contains("required member id");
        assertThat(violations(200, "application/json", "{\"id\":null}", "\"1\"")).singleElement().asString()
                .contains(".id is null");
        assertThat(violations(200, "application/json", "{\"id\":\"a\",\"count\":\"2\"}", "\"1\"")).singleElement()
                .asString().contains(".count is STRING");
        assertThat(violations(200, "application/json", "{\"id\":\"a\",\"tags\":[1]}", "\"1\"")).singleElement()
                .asString().contains(".tags[0]");
        assertThat(answers.violations("GET /api/things/{id}", get, 404, Map.of("Content-Type", "application/problem+json",
                "Retry-After", "2")::get, "{}", List.of("Retry-After"))).singleElement().asString().contains("Retry-After");
    }

    private List<String> violations(int status, String contentType, String body, String etag) {
        Map<String, String> headers = etag == null ? Map.of("Content-Type", contentType)
                : Map.of("Content-Type", contentType, "ETag", etag);
        return answers.violations("GET /api/things/{id}", get, status, headers::get, body, List.of("ETag"));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
