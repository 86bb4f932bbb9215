package org.crisiscoordination.query.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.audit.merkle.Checkpoint;
import org.crisiscoordination.kernel.audit.merkle.CompactRange;
import org.crisiscoordination.kernel.audit.merkle.MerkleTree;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code deploy/verify}: an outside party's witness of the log. It keeps checkpoints in a
 * directory of its own and later checks the current log (over the query service's HTTP API)
 * against them, trusting nothing but the public key it pinned: every kept and the latest checkpoint
 * must carry that key's signature, each kept one must be a prefix of the latest (an RFC 9162
 * consistency proof), and the log itself, every event's hash recomputed from its content and the
 * tree rebuilt from them, must yield each checkpoint's root.
 */
public final class LogWitness {

    static final String USAGE = """
            Usage: deploy/verify save  [--url URL] [--dir DIR] [--key VERIFIER_KEY] [--token TOKEN]
                   deploy/verify check [--url URL] [--dir DIR] [--token TOKEN]

            save   keeps the log's latest signed checkpoint in DIR. The first save pins the signing
                   key: the one given with --key (a C2SP verifier key, as GET /api/audit/keys lists
                   it), or else the one that signed the latest checkpoint (compare it with the key the
                   operator publishes).
            check  checks the current log against every checkpoint kept in DIR with the pinned key
                   alone; exits 0 when everything holds, 1 when anything does not, naming it.

              --url    the query service (default: $CRISIS_QUERY_URL, else http://localhost:8081)
              --dir    where checkpoints and the pinned key are kept (default: ./crisis-witness)
              --token  a bearer token for the API, if it asks for one (default: $CRISIS_TOKEN)
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY_FILE = "verifier-key";
    private static final int PAGE = 1_000;

    private final String url;
    private final Path dir;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    LogWitness(String url, Path dir, String token, PrintStream out) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.dir = dir;
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out));
    }

    /** Runs a command; answers the exit status (0 all holds, 1 something does not, 2 usage). */
    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String name = args.get(i);
            if (!List.of("--url", "--dir", "--key", "--token").contains(name) || i + 1 >= args.size()) {
                out.println("deploy/verify: unknown or incomplete option '" + name + "' (try --help)");
                return 2;
            }
            options.put(name, args.get(++i));
        }
        LogWitness witness = new LogWitness(
                options.getOrDefault("--url", env.getOrDefault("CRISIS_QUERY_URL", "http://localhost:8081")),
                Path.of(options.getOrDefault("--dir", "crisis-witness")),
                options.getOrDefault("--token", env.get("CRISIS_TOKEN")), out);
        try {
            return switch (args.get(0)) {
                case "save" -> witness.save(options.get("--key"));
                case "check" -> witness.check();
                default -> {
                    out.println("deploy/verify: unknown command '" + args.get(0) + "' (try --help)");
                    yield 2;
                }
            };
        } catch (WitnessException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    int save(String verifierKey) {
        JsonNode latest = latestCheckpoint();
        NoteKey key = pinnedKey().orElseGet(() -> pin(verifierKey != null ? verifierKey : keyOf(latest)));
        String note = latest.get("note").asText();
        Checkpoint checkpoint = verified(note, key, "the latest checkpoint");
        write(dir.resolve("checkpoint-" + checkpoint.treeSize() + ".note"), note);
        out.println("Kept the checkpoint of tree size " + checkpoint.treeSize() + " (root "
                + HEX.formatHex(checkpoint.rootHash()) + ", signed " + checkpoint.time() + ") in " + dir);
        return 0;
    }

    int check() {
        NoteKey key = pinnedKey().orElseThrow(() -> new WitnessException("no key is pinned in " + dir
                + "; run deploy/verify save first"));
        TreeMap<Long, Checkpoint> kept = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".note")).sorted().toList()) {
                Checkpoint checkpoint = verified(Files.readString(file), key, "the kept " + file.getFileName());
                kept.put(checkpoint.treeSize(), checkpoint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kept.isEmpty()) {
            throw new WitnessException("no checkpoint is kept in " + dir + "; run deploy/verify save first");
        }
        Checkpoint latest = verified(latestCheckpoint().get("note").asText(), key, "the log's latest checkpoint");
        out.println("Pinned key " + key.keyId() + "; " + kept.size() + " kept checkpoint(s); the log's latest covers "
                + latest.treeSize() + " events");
        List<String> failures = new ArrayList<>();
        for (Checkpoint checkpoint : kept.values()) {
            failures.addAll(consistency(checkpoint, latest));
        }
        failures.addAll(recompute(kept, latest));
        if (failures.isEmpty()) {
            out.println("OK: every kept checkpoint is a prefix of the latest, and the log as served yields their roots");
            return 0;
        }
        failures.forEach(failure -> out.println("FAILED: " + failure));
        return 1;
    }

    /** The kept checkpoint is a prefix of the latest, by the server's proof, checked here. */
    private List<String> consistency(Checkpoint kept, Checkpoint latest) {
        if (kept.treeSize() > latest.treeSize()) {
            return List.of("the kept checkpoint of tree size " + kept.treeSize() + " is larger than the log's latest ("
                    + latest.treeSize() + "): the log shrank");
        }
        if (kept.treeSize() == 0) {
            return List.of();
        }
        JsonNode proof;
        try {
            proof = get("/api/audit/proofs/consistency?from=" + kept.treeSize() + "&to=" + latest.treeSize());
        } catch (WitnessException e) {
            return List.of("the log cannot prove that the kept checkpoint of tree size " + kept.treeSize()
                    + " is a prefix of the latest (" + e.getMessage() + "): leaves were removed or changed");
        }
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(node -> path.add(HEX.parseHex(node.asText())));
        if (!MerkleTree.verifyConsistency(kept.treeSize(), latest.treeSize(), kept.rootHash(), latest.rootHash(), path)
                || !Arrays.equals(HEX.parseHex(proof.get("fromRoot").asText()), kept.rootHash())) {
            return List.of("the log's first " + kept.treeSize() + " events no longer have the kept root "
                    + HEX.formatHex(kept.rootHash()) + ": the log was changed after that checkpoint was kept");
        }
        out.println("  tree size " + kept.treeSize() + ": consistent with tree size " + latest.treeSize());
        return List.of();
    }

    /** Rebuilds the tree from the log as served, each event's hash recomputed from its content. */
    private List<String> recompute(TreeMap<Long, Checkpoint> kept, Checkpoint latest) {
        List<String> failures = new ArrayList<>();
        Map<Long, Checkpoint> due = new TreeMap<>(kept);
        due.put(latest.treeSize(), latest);
        CompactRange tree = new CompactRange();
        Map<String, String> lastHash = new HashMap<>();
        long after = 0;
        while (tree.size() < latest.treeSize()) {
            JsonNode entries = get("/api/audit?after=" + after + "&limit=" + PAGE).get("entries");
            if (entries.isEmpty()) {
                break;
            }
            for (JsonNode entry : entries) {
                if (tree.size() == latest.treeSize()) {
                    break;
                }
                String recomputed = HashChain.hash(entry.get("previousHash").asText(), record(entry));
                if (!recomputed.equals(entry.get("hash").asText())) {
                    failures.add("the event at position " + entry.get("position").asLong()
                            + " no longer yields its hash: it was altered");
                }
                String aggregate = entry.get("aggregateId").asText();
                String expected = entry.get("sequence").asLong() == 0 ? HashChain.GENESIS : lastHash.get(aggregate);
                if (!entry.get("previousHash").asText().equals(expected)) {
                    failures.add("the event at position " + entry.get("position").asLong()
                            + " does not link to its aggregate's previous event");
                }
                lastHash.put(aggregate, recomputed);
                tree.append(MerkleTree.leafHash(recomputed));
                Checkpoint checkpoint = due.get(tree.size());
                if (checkpoint != null && !Arrays.equals(tree.root(), checkpoint.rootHash())) {
                    failures.add("the log's first " + tree.size() + " events, as served, do not yield the root of"
                            + " the checkpoint of that size");
                }
                after = entry.get("position").asLong();
            }
        }
        if (tree.size() < latest.treeSize()) {
            failures.add("the log serves " + tree.size() + " events, the latest checkpoint covers " + latest.treeSize()
                    + ": events were deleted");
        }
        if (failures.isEmpty()) {
            out.println("  the log's first " + latest.treeSize() + " events, rehashed, yield every checkpoint's root");
        }
        return failures;
    }

    private static AuditRecord record(JsonNode entry) {
        return new AuditRecord(text(entry, "aggregateType"), text(entry, "aggregateId"), entry.get("sequence").asLong(),
                text(entry, "eventType"), entry.get("payload"), text(entry, "occurredAt"), text(entry, "actor"),
                text(entry, "onBehalfOf"), text(entry, "commandId"), text(entry, "correlationId"),
                text(entry, "causationId"), text(entry, "payloadRevision"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode latestCheckpoint() {
        JsonNode items = get("/api/audit/checkpoints?page=0&size=1").get("items");
        if (items.isEmpty()) {
            throw new WitnessException("the log has no checkpoint yet (POST /api/audit/checkpoints on the command service signs one)");
        }
        return items.get(0);
    }

    private String keyOf(JsonNode checkpoint) {
        String keyId = checkpoint.get("keyId").asText();
        for (JsonNode key : get("/api/audit/keys").get("keys")) {
            if (key.get("keyId").asText().equals(keyId)) {
                return key.get("verifierKey").asText();
            }
        }
        throw new WitnessException("the key " + keyId + " that signed the latest checkpoint is not published");
    }

    private NoteKey pin(String verifierKey) {
        NoteKey key;
        try {
            key = NoteKey.parseVerifierKey(verifierKey);
        } catch (IllegalArgumentException e) {
            throw new WitnessException("not a verifier key: " + e.getMessage());
        }
        write(dir.resolve(KEY_FILE), key.verifierKey() + "\n");
        out.println("Pinned the key " + key.verifierKey());
        return key;
    }

    private Optional<NoteKey> pinnedKey() {
        Path file = dir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(NoteKey.parseVerifierKey(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new WitnessException(file + " holds no verifier key: " + e.getMessage());
        }
    }

    private static Checkpoint verified(String note, NoteKey key, String what) {
        String text = SignedNote.verifiedText(note, key).orElseThrow(() -> new WitnessException(
                what + " does not carry a valid signature of the pinned key " + key.keyId()));
        try {
            return Checkpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WitnessException(what + " is signed but is no checkpoint: " + e.getMessage());
        }
    }

    private JsonNode get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new WitnessException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WitnessException("cannot reach " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WitnessException("interrupted");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Something the witness cannot accept; its message says what. */
    static final class WitnessException extends RuntimeException {
        WitnessException(String message) {
            super(message);
        }
    }
}
