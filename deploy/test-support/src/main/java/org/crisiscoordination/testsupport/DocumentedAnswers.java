package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service's OpenAPI document, as both services' conformance tests hold the server to it: an
 * answer's status must be documented for its operation, its body must have a documented content
 * type and, as JSON, match the documented schema (types, required members, a null only where the
 * schema allows one), and the documented response headers must be there. It lists what is wrong,
 * so that a test can show every violation of an answer at once.
 */
public final class DocumentedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    public DocumentedAnswers(JsonNode document) {
        this.document = document;
    }

    /** Each operation of the document, as "METHOD /path/{template}", with its description. */
    public Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue())));
        return operations;
    }

    /**
     * What is wrong with an answer of {@code operation} (described by {@code doc}); empty when it
     * is what the document says.
     *
     * @param header the answer's headers by name, null when absent
     * @param meaningfulHeaders headers that, when answered, must be documented
     */
    public List<String> violations(String operation, JsonNode doc, int status, Function<String, String> header,
                                   String body, List<String> meaningfulHeaders) {
        List<String> violations = new ArrayList<>();
        JsonNode response = doc.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            violations.add(operation + " answered an undocumented " + status + ": " + body);
            return violations;
        }
        Map<String, JsonNode> content = fields(response.path("content"));
        String contentType = header.apply("Content-Type");
        if (content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                violations.add(operation + " documents no body for " + status + " but answered " + body);
            }
        } else if (contentType == null) {
            violations.add(operation + " " + status + " answered no Content-Type, documented " + content.keySet());
        } else {
            String documented = content.keySet().stream().filter(contentType::startsWith).findFirst().orElse(null);
            if (documented == null) {
                violations.add(operation + " " + status + " answered " + contentType + ", documented " + content.keySet());
            } else if (documented.endsWith("json") && !documented.equals("application/x-ndjson")) {
                conform(operation + " " + status, read(body), content.get(documented).path("schema"), violations);
            }
        }
        Map<String, JsonNode> documentedHeaders = fields(response.path("headers"));
        for (String name : documentedHeaders.keySet()) {
            if (header.apply(name) == null) {
                violations.add(operation + " " + status + " documents the header " + name + " but did not answer it");
            }
        }
        for (String name : meaningfulHeaders) {
            if (header.apply(name) != null && !documentedHeaders.containsKey(name)) {
                violations.add(operation + " " + status + " answered the undocumented header " + name);
            }
        }
        return violations;
    }

    /** Walks a JSON value beside its schema: its type, its required members, nulls only where allowed. */
    private void conform(String where, JsonNode value, JsonNode schema, List<String> violations) {
        JsonNode resolved = resolve(schema);
        if (value == null || value.isNull()) {
            if (!nullable(schema) && !nullable(resolved)) {
                violations.add(where + " is null, but its schema is not nullable: " + schema);
            }
            return;
        }
        String type = declaredType(resolved);
        if (type != null && !hasType(value, type)) {
            violations.add(where + " is " + value.getNodeType() + ", its schema says " + type);
            return;
        }
        if (value.isArray() && resolved.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                conform(where + "[" + i++ + "]", item, resolved.path("items"), violations);
            }
        } else if (value.isObject()) {
            for (JsonNode required : resolved.path("required")) {
                if (!value.has(required.asText())) {
                    violations.add(where + " lacks its required member " + required.asText());
                }
            }
            Map<String, JsonNode> properties = fields(resolved.path("properties"));
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (properties.containsKey(member.getKey())) {
                    conform(where + "." + member.getKey(), member.getValue(), properties.get(member.getKey()), violations);
                }
            }
        }
    }

    /** The one non-null type a schema declares (OpenAPI 3.0 or 3.1), or null when it declares none. */
    private static String declaredType(JsonNode schema) {
        if (schema.path("type").isTextual()) {
            return schema.path("type").asText();
        }
        for (JsonNode type : schema.path("type")) {
            if (!type.asText().equals("null")) {
                return type.asText();
            }
        }
        return null;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    /** Nullable as OpenAPI 3.0 says it ({@code nullable}) or 3.1 ({@code "null"} among the types or alternatives). */
    private static boolean nullable(JsonNode schema) {
        if (schema.path("nullable").asBoolean() || schema.path("type").asText().equals("null")) {
            return true;
        }
        for (JsonNode type : schema.path("type")) {
            if (type.asText().equals("null")) {
                return true;
            }
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            for (JsonNode alternative : schema.path(alternatives)) {
                if (nullable(alternative)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        JsonNode target = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        if (target.isMissingNode()) {
            throw new AssertionError("the document refers to " + ref + ", which it does not define");
        }
        return target;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new AssertionError("a JSON answer that is not JSON: " + body, e);
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }
}
