package org.crisiscoordination.command.support;

import org.crisiscoordination.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every problem answer must be: RFC 9457 JSON from the catalogue, naming the path and correlation id. */
public final class ProblemAssertions {

    public static final String TYPE_PREFIX = "urn:crisis-coordination:problem:";

    private ProblemAssertions() {
    }

    /**
     * Asserts the answer is an application/problem+json of the given status and catalogue slug,
     * with a title, a detail, the request path as instance and the answer's correlation id.
     */
    public static JsonNode assertProblem(Api.Answer answer, int status, String slug, String path) {
        String body = answer.raw().body();
        assertThat(answer.status()).as("status of %s", body).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type of %s", body).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem).as("a JSON body: %s", body).isNotNull();
        assertThat(problem.path("type").asText()).as("type of %s", body).isEqualTo(TYPE_PREFIX + slug);
        assertThat(problem.path("title").asText()).as("title of %s", body).isNotBlank();
        assertThat(problem.path("status").asInt()).as("status field of %s", body).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", body).isNotBlank();
        assertThat(problem.path("instance").asText()).as("instance of %s", body).isEqualTo(path);
        assertThat(problem.path("correlationId").asText()).as("correlationId of %s", body)
                .isNotBlank().isEqualTo(answer.header("X-Correlation-Id"));
        return problem;
    }

    /** The fields an {@code errors} array names, in order. */
    public static List<String> errorFields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        assertThat(errors).as("an errors array in %s", problem).isNotNull();
        assertThat(errors.isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> {
            assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank();
            fields.add(error.path("field").asText());
        });
        return fields;
    }

    /** The message the {@code errors} array gives for one field. */
    public static String errorMessage(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
