package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generators of what a hostile or careless client sends: odd strings (control characters, lone
 * and reversed surrogates, byte-order marks, astral and combining characters, very long text),
 * JSON of the wrong type or shape (huge numbers, deep nesting, missing and extra fields), bodies
 * that are not JSON at all, and path and query values.
 */
public final class HostileInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Writes every non-ASCII char as a {@code \\uXXXX} escape, so lone surrogates reach the server as sent. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Path and query values stay well within Tomcat's 8 KiB limit on the request line. */
    private static final int MAX_ENCODED = 2_000;

    private HostileInput() {
    }

    /** Strings of every kind: plain, odd unicode, control characters, surrogate halves, very long. */
    public static Arbitrary<String> strings() {
        Arbitrary<Character> odd = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\uD800', '\uDFFF'),
                Arbitraries.of('\uFEFF', '\u200B', '\u202E', '\u0301', '\uFFFE', '\uFFFF', '\uFFFD', '"', '\\', '/',
                        '<', '%', ';', ' ', '\t', '\n'),
                Arbitraries.chars().ascii(),
                Arbitraries.chars().range('\u00A0', '\uD7FF'));
        Arbitrary<String> mixed = odd.list().ofMaxSize(24).map(chars -> {
            StringBuilder text = new StringBuilder(chars.size());
            chars.forEach(text::append);
            return text.toString();
        });
        Arbitrary<String> withAstral = mixed.map(s -> s + "\uD83C\uDF0A");
        Arbitrary<String> reversedPair = mixed.map(s -> s + "\uDF0A\uD83C");
        return Arbitraries.frequencyOf(
                Tuple.of(6, mixed),
                Tuple.of(1, withAstral),
                Tuple.of(1, reversedPair),
                Tuple.of(1, Arbitraries.of("", " ", "\u0000", "\uD800", "null", "true", "0", "-1",
                        "PH", "CN", "US", "ASEAN", "MARITIME_SECURITY", "NO_CONSENSUS", "P1D", "PT0S", "P999999999D",
                        UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "asia-pacific",
                        "crisis-board", "../../etc/passwd", "'; drop table x; --")),
                Tuple.of(1, Arbitraries.integers().between(200, 70_000).map("x"::repeat)));
    }

    /** JSON values of every type, nested up to {@code depth}; numbers include ones no Java type holds. */
    public static Arbitrary<JsonNode> values(int depth) {
        List<Arbitrary<JsonNode>> scalars = List.of(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of(new BigInteger("123456789012345678901234567890"), BigInteger.valueOf(Long.MIN_VALUE),
                        BigInteger.TWO.pow(64)).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e999"), new BigDecimal("-0.0"), new BigDecimal("3.5"),
                        new BigDecimal("1e-999")).map(NODES::numberNode),
                strings().map(NODES::textNode));
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(scalars);
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<JsonNode> inner = values(depth - 1);
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(3).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(strings(), inner).as((k, v) -> {
            ObjectNode node = NODES.objectNode();
            node.set(k, v);
            return (JsonNode) node;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array),
                Tuple.of(1, object));
    }

    /**
     * Bodies made from a valid one: as it is, with a field replaced by any JSON value, removed, or
     * joined by an unknown one; or any JSON value at all; or text that is not JSON.
     */
    public static Arbitrary<String> bodies(ObjectNode valid) {
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        Arbitrary<String> field = fields.isEmpty() ? strings() : Arbitraries.of(fields);
        Arbitrary<String> replaced = Combinators.combine(field, values(2)).as((name, value) -> {
            ObjectNode body = valid.deepCopy();
            body.set(name, value);
            return json(body);
        });
        Arbitrary<String> removed = field.map(name -> {
            ObjectNode body = valid.deepCopy();
            body.remove(name);
            return json(body);
        });
        Arbitrary<String> extra = Combinators.combine(strings(), values(1)).as((name, value) -> {
            ObjectNode body = valid.deepCopy();
            body.set(name, value);
            return json(body);
        });
        Arbitrary<String> notJson = Arbitraries.oneOf(
                Arbitraries.of("", "null", "[]", "\"text\"", "{", "{}}", "{\"a\":1,\"a\":2}", "\uFEFF" + json(valid),
                        json(valid) + " trailing", json(valid).substring(0, json(valid).length() / 2)),
                Arbitraries.integers().between(900, 5_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(900, 5_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                strings());
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(json(valid))),
                Tuple.of(5, replaced),
                Tuple.of(2, removed),
                Tuple.of(2, extra),
                Tuple.of(1, values(3).map(HostileInput::json)),
                Tuple.of(2, notJson));
    }

    /**
     * Values for a path segment, percent-encoded as UTF-8. Leaves out what Tomcat refuses before
     * any application code runs (an encoded NUL, slash or backslash, dot segments, and a request
     * line over its 8 KiB header limit), which the container's own error handling answers.
     */
    public static Arbitrary<String> pathSegments(List<String> known) {
        Arbitrary<String> hostile = strings()
                .filter(s -> !s.isEmpty() && s.indexOf('\u0000') < 0 && s.indexOf('/') < 0 && s.indexOf('\\') < 0
                        && !s.equals(".") && !s.equals(".."))
                .map(HostileInput::encode)
                .filter(encoded -> encoded.length() <= MAX_ENCODED);
        return known.isEmpty() ? hostile
                : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(known)), Tuple.of(3, hostile));
    }

    /** Values for a query parameter, percent-encoded as UTF-8, including bytes that are not UTF-8 (and a NUL). */
    public static Arbitrary<String> queryValues(List<String> known) {
        Arbitrary<String> encoded = strings().map(HostileInput::encode).filter(value -> value.length() <= MAX_ENCODED);
        Arbitrary<String> notUtf8 = Arbitraries.of("%FF", "%C0%80", "%ED%A0%80", "%25", "%00", "1%00", "%C2%85");
        Arbitrary<String> numbers = Arbitraries.of("-1", "0", "1", "2147483648", "99999999999999999999", "1e3", "1.5",
                "0x10", "+5", " 3");
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(known.isEmpty() ? List.of("1") : known)),
                Tuple.of(4, encoded), Tuple.of(1, notUtf8),
                Tuple.of(2, numbers.map(HostileInput::encode)));
    }

    /** Printable ASCII header values, as the headers a client may send. */
    public static Arbitrary<String> printableHeaderValues() {
        return Arbitraries.strings().withCharRange('\u0021', '\u007E').ofMinLength(1).ofMaxLength(300)
                .map(s -> s.trim().isEmpty() ? "x" : s);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String json(JsonNode node) {
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
