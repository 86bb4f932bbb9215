package org.crisiscoordination.kernel.audit.merkle;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's test vector (section "Verifying the record") is what RFC 9162 gives: its table
 * matches SHA-256 computed here byte by byte, the tree code, and the output of its shell script.
 */
class ReadmeTestVectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static String section;
    private static Map<String, String> table;

    @BeforeAll
    static void readReadme() throws Exception {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        int start = readme.indexOf("## Verifying the record");
        assertThat(start).as("the README has the section").isNotNegative();
        section = readme.substring(start, readme.indexOf("\n## ", start + 3));
        table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([a-z0-9 ]+) \\| `([0-9a-f]{64})` \\|$").matcher(section);
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        assertThat(table).hasSize(8);
    }

    @Test
    void theTableIsSha256ByteByByte() throws Exception {
        for (int i = 0; i < 3; i++) {
            byte[] event = sha(("event " + i).getBytes(StandardCharsets.UTF_8));
            assertThat(table.get("event " + i)).isEqualTo(HEX.formatHex(event));
            assertThat(table.get("leaf " + i)).isEqualTo(HEX.formatHex(sha(new byte[]{0}, event)));
        }
        byte[] two = sha(new byte[]{1}, hex("leaf 0"), hex("leaf 1"));
        assertThat(table.get("root of tree size 2")).isEqualTo(HEX.formatHex(two));
        assertThat(table.get("root of tree size 3")).isEqualTo(HEX.formatHex(sha(new byte[]{1}, two, hex("leaf 2"))));
    }

    @Test
    void theTableIsWhatTheTreeCodeComputesAndItsProofsAreTheOnesNamed() {
        List<byte[]> leaves = List.of(MerkleTree.leafHash(table.get("event 0")), MerkleTree.leafHash(table.get("event 1")),
                MerkleTree.leafHash(table.get("event 2")));

        assertThat(HEX.formatHex(leaves.get(2))).isEqualTo(table.get("leaf 2"));
        assertThat(HEX.formatHex(MerkleTree.root(leaves.subList(0, 2)))).isEqualTo(table.get("root of tree size 2"));
        assertThat(HEX.formatHex(MerkleTree.root(leaves))).isEqualTo(table.get("root of tree size 3"));
        assertThat(MerkleTree.inclusionProof(leaves, 2)).singleElement()
                .isEqualTo(hex("root of tree size 2"));
        assertThat(MerkleTree.consistencyProof(leaves, 2)).singleElement().isEqualTo(hex("leaf 2"));
        assertThat(section).contains("The inclusion proof of leaf 2 in the tree of size 3 is [root of tree size 2];"
                + " the consistency proof\nfrom size 2 to size 3 is [leaf 2].");
    }

    @Test
    void theShellScriptPrintsTheTable() throws Exception {
        Matcher block = Pattern.compile("```bash\\n(sha\\(\\).*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("the README has the script").isTrue();
        Process bash = new ProcessBuilder("bash", "-c", block.group(1)).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();

        StringBuilder expected = new StringBuilder();
        table.forEach((name, value) -> expected.append(name).append(' ').append(value).append('\n'));
        assertThat(output).isEqualTo(expected.toString());
    }

    private static byte[] hex(String name) {
        return HEX.parseHex(table.get(name));
    }

    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/domain.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath() + " holds docs/domain.md");
    }
}
