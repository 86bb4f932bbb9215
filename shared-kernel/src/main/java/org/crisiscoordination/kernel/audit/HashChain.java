package org.crisiscoordination.kernel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * The per-aggregate hash chain that makes the record tamper-evident: each event's hash is SHA-256
 * over its predecessor's hash and a canonical JSON form of its {@link AuditRecord}, so altering,
 * removing or reordering a stored event breaks every link after it.
 *
 * <p>The canonical form, for anyone verifying without this code: a JSON object with the members
 * {@code previousHash} and those of the record (absent values as {@code null}), object members
 * sorted by name at every depth, no whitespace, UTF-8. The hash is its lower-case hex SHA-256.
 */
public final class HashChain {

    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private HashChain() {
    }

    public static String hash(String previousHash, AuditRecord record) {
        ObjectNode linked = CANONICAL.valueToTree(record);
        linked.put("previousHash", previousHash);
        return Sha256.hex(canonicalJson(linked));
    }

    static String canonicalJson(ObjectNode node) {
        try {
            return CANONICAL.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
