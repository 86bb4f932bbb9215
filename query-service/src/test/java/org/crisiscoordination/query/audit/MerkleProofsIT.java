package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.audit.merkle.NoteKey;
import org.crisiscoordination.kernel.audit.merkle.SignedNote;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.EventAppender.Appended;
import org.crisiscoordination.query.support.MerkleLogIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle log's read side over HTTP: published keys, signed checkpoints, and inclusion and
 * consistency proofs, each proof checked by the straightforward recursive reading of RFC 9162's
 * definitions below (not the service's own tree code), and every bad parameter a 400.
 */
class MerkleProofsIT extends MerkleLogIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final int EVENTS = 7;

    @Test
    void theKeysArePublishedAsRawEd25519KeysAndC2spVerifierKeys() {
        Api.Answer answer = api.get("/api/audit/keys").send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode key = answer.json().get("keys").get(0);
        assertThat(key.get("keyId").asText()).isEqualTo(signer.key().keyId());
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(java.util.Base64.getDecoder().decode(key.get("publicKey").asText())).isEqualTo(signer.key().publicKey());
        assertThat(NoteKey.parseVerifierKey(key.get("verifierKey").asText())).isEqualTo(signer.key());
    }

    @Test
    void checkpointsAreListedNewestFirstEachVerifyingAndChainedToTheOneBefore() throws Exception {
        appendEvents(3);
        String first = signer.sign();
        appendEvents(2);
        String second = signer.sign();

        Api.Answer answer = api.get("/api/audit/checkpoints").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = answer.json().get("items").get(0);
        JsonNode oldest = answer.json().get("items").get(1);
        assertThat(newest.get("note").asText()).isEqualTo(second);
        assertThat(newest.get("treeSize").asLong()).isEqualTo(5);
        assertThat(oldest.get("treeSize").asLong()).isEqualTo(3);
        assertThat(oldest.get("previous").isNull()).isTrue();
        assertThat(newest.get("previous").asText())
                .isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(first.getBytes("UTF-8"))));
        assertThat(SignedNote.verifiedText(newest.get("note").asText(), signer.key())).isPresent();
        assertThat(newest.get("keyId").asText()).isEqualTo(signer.key().keyId());
        Api.Answer paged = api.get("/api/audit/checkpoints?page=1&size=1").send();
        assertThat(paged.json().get("items")).hasSize(1);
        assertThat(paged.json().get("items").get(0).get("treeSize").asLong()).isEqualTo(3);
    }

    @Test
    void everyInclusionProofLeadsFromTheEventsHashToTheRootOfItsTreeSize() {
        List<Appended> events = appendEvents(EVENTS);
        signer.sign();
        String signedRoot = api.get("/api/audit/checkpoints").send().json().get("items").get(0).get("rootHash").asText();

        for (int leaf = 0; leaf < EVENTS; leaf++) {
            for (int size = leaf + 1; size <= EVENTS; size++) {
                Api.Answer answer = api.get("/api/audit/proofs/inclusion?position=" + events.get(leaf).position()
                        + "&treeSize=" + size).send();

                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().get("leafIndex").asLong()).isEqualTo(leaf);
                assertThat(answer.text("eventHash")).isEqualTo(events.get(leaf).hash());
                byte[] leafHash = sha256(new byte[]{0}, HEX.parseHex(events.get(leaf).hash()));
                assertThat(answer.text("leafHash")).isEqualTo(HEX.formatHex(leafHash));
                byte[] root = rootFromPath(leaf, size, leafHash, hashes(answer.json().get("proof")));
                assertThat(HEX.formatHex(root)).as("leaf %d of %d", leaf, size).isEqualTo(answer.text("rootHash"))
                        .isEqualTo(HEX.formatHex(treeRoot(leafHashes(events.subList(0, size)))));
            }
        }
        assertThat(api.get("/api/audit/proofs/inclusion?position=" + events.get(0).position() + "&treeSize=" + EVENTS)
                .send().text("rootHash")).isEqualTo(signedRoot);
    }

    @Test
    void everyConsistencyProofLeadsFromTheOlderRootToTheNewer() {
        List<Appended> events = appendEvents(EVENTS);
        signer.assignLeaves();

        for (int from = 1; from <= EVENTS; from++) {
            for (int to = from; to <= EVENTS; to++) {
                Api.Answer answer = api.get("/api/audit/proofs/consistency?from=" + from + "&to=" + to).send();

                assertThat(answer.status()).isEqualTo(200);
                byte[] oldRoot = treeRoot(leafHashes(events.subList(0, from)));
                byte[] newRoot = treeRoot(leafHashes(events.subList(0, to)));
                assertThat(answer.text("fromRoot")).isEqualTo(HEX.formatHex(oldRoot));
                assertThat(answer.text("toRoot")).isEqualTo(HEX.formatHex(newRoot));
                assertThat(consistent(from, to, oldRoot, newRoot, hashes(answer.json().get("proof"))))
                        .as("%d to %d", from, to).isTrue();
                if (from < to) {
                    byte[] forged = sha256(new byte[]{9});
                    assertThat(consistent(from, to, forged, newRoot, hashes(answer.json().get("proof")))).isFalse();
                }
            }
        }
    }

    @Test
    void anEventNotYetLoggedHasNoInclusionProof() {
        Appended logged = appendEvents(1).get(0);
        signer.assignLeaves();
        Appended later = appendEvents(1).get(0);

        Api.Answer answer = api.get("/api/audit/proofs/inclusion?position=" + later.position() + "&treeSize=1").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
        assertThat(api.get("/api/audit/proofs/inclusion?position=" + logged.position() + "&treeSize=1").send().status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "position=0&treeSize=2, position",
            "position=first&treeSize=2, position",
            "treeSize=2, position",
            "position=1, treeSize",
            "position=1&treeSize=0, treeSize",
            "position=1&treeSize=4, treeSize",
            "position=1&treeSize=-1, treeSize",
            "position=1&treeSize=big, treeSize",
    })
    void aBadInclusionParameterIsAnInvalidRequest(String query, String field) {
        appendEvents(3);
        signer.assignLeaves();

        assertInvalid(api.get("/api/audit/proofs/inclusion?" + query).send(), field);
    }

    @Test
    void aTreeTooSmallToHoldTheEventIsAnInvalidRequest() {
        List<Appended> events = appendEvents(3);
        signer.assignLeaves();

        assertInvalid(api.get("/api/audit/proofs/inclusion?position=" + events.get(2).position() + "&treeSize=2").send(),
                "treeSize");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "from=0&to=2, from",
            "from=3&to=2, from",
            "from=1&to=4, to",
            "from=x&to=2, from",
            "to=2, from",
            "from=1, to",
    })
    void aBadConsistencyParameterIsAnInvalidRequest(String query, String field) {
        appendEvents(3);
        signer.assignLeaves();

        assertInvalid(api.get("/api/audit/proofs/consistency?" + query).send(), field);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"page=-1, page", "size=0, size", "size=201, size", "size=many, size"})
    void aBadCheckpointPageIsAnInvalidRequest(String query, String field) {
        assertInvalid(api.get("/api/audit/checkpoints?" + query).send(), field);
    }

    // --- RFC 9162, read straight from its definitions -------------------------------------------

    /** MTH(D[n]). */
    private static byte[] treeRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return sha256(new byte[]{1}, treeRoot(leaves.subList(0, k)), treeRoot(leaves.subList(k, leaves.size())));
    }

    /** The root PATH(m, D[n]) leads to: PATH appends each level's sibling after the path below it. */
    private static byte[] rootFromPath(int m, int n, byte[] leaf, List<byte[]> path) {
        if (n == 1) {
            assertThat(path).isEmpty();
            return leaf;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] sibling = path.get(path.size() - 1);
        List<byte[]> below = path.subList(0, path.size() - 1);
        return m < k ? sha256(new byte[]{1}, rootFromPath(m, k, leaf, below), sibling)
                : sha256(new byte[]{1}, sibling, rootFromPath(m - k, n - k, leaf, below));
    }

    /** Whether PROOF(m, D[n]) leads from the old root to the new one. */
    private static boolean consistent(int m, int n, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        byte[][] roots = subproof(m, n, proof, true, oldRoot);
        return roots != null && Arrays.equals(roots[0], oldRoot) && Arrays.equals(roots[1], newRoot);
    }

    /** SUBPROOF(m, D[n], b) read backwards: the roots {of the first m leaves, of all n} it yields. */
    private static byte[][] subproof(int m, int n, List<byte[]> proof, boolean whole, byte[] oldRoot) {
        if (m == n) {
            if (whole) {
                return proof.isEmpty() ? new byte[][]{oldRoot, oldRoot} : null;
            }
            return proof.size() == 1 ? new byte[][]{proof.get(0), proof.get(0)} : null;
        }
        if (proof.isEmpty()) {
            return null;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] last = proof.get(proof.size() - 1);
        List<byte[]> rest = proof.subList(0, proof.size() - 1);
        if (m <= k) {
            byte[][] left = subproof(m, k, rest, whole, oldRoot);
            return left == null ? null : new byte[][]{left[0], sha256(new byte[]{1}, left[1], last)};
        }
        byte[][] right = subproof(m - k, n - k, rest, false, oldRoot);
        return right == null ? null
                : new byte[][]{sha256(new byte[]{1}, last, right[0]), sha256(new byte[]{1}, last, right[1])};
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    // --- helpers ---------------------------------------------------------------------------------

    private List<Appended> appendEvents(int count) {
        List<Appended> events = new ArrayList<>();
        CrisisId crisis = CrisisId.random();
        for (int i = 0; i < count; i++) {
            events.add(store.append("Crisis", crisis.toString(), i == 0
                    ? new RegionalCrisisRaised(crisis, "Standoff", "Scarborough Shoal", SecurityTopic.MARITIME_SECURITY,
                    Severity.of(1), List.of(StateCode.of("PH")), "ships blocked")
                    : new CrisisEscalated(crisis, Severity.of(Math.min(i, 4)), Severity.of(Math.min(i, 4) + 1), "step " + i)));
        }
        return events;
    }

    private static List<byte[]> leafHashes(List<Appended> events) {
        return events.stream().map(e -> sha256(new byte[]{0}, HEX.parseHex(e.hash()))).toList();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(HEX.parseHex(node.asText())));
        return hashes;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInvalid(Api.Answer answer, String field) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        List<String> fields = new ArrayList<>();
        if (answer.json().has("errors")) {
            answer.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
            assertThat(fields).contains(field);
        } else {
            assertThat(answer.text("detail")).contains(field);
        }
    }
}
