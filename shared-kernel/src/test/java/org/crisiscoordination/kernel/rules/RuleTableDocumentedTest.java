package org.crisiscoordination.kernel.rules;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule table of {@code docs/domain.md} and the code stay the same: every {@link Rule} has one
 * row, every row names a rule that exists with its code and status, and every test a row names
 * exists in some module's test sources, is a test, and mentions the rule it pins (by constant or
 * by code, in its body or in a helper of its class that it calls). The test sources are read from
 * the repository, not the classpath: the kernel is built before the modules whose tests pin its rules.
 * Every other test the README or the docs name (the seams list, say) must exist too.
 */
class RuleTableDocumentedTest {

    private static final String TABLE_HEADING = "## The state rules and the tests that pin them";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z_]*)`\\s*\\|(.*)\\|\\s*$");
    private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

    private static final Pattern CALL = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*\\(");

    private static final Map<Path, JavaText> PARSED = new HashMap<>();

    private static Path root;
    private static Map<String, List<String>> rows;
    private static Map<String, List<Path>> testSources;

    @BeforeAll
    static void readTheTableAndTheTestSources() throws IOException {
        root = repositoryRoot();
        rows = ruleRows(Files.readString(root.resolve("docs/domain.md")));
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("target")
                        || name.equals("node_modules") || name.equals("main"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isTestSource(file)) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        testSources = sources.stream()
                .collect(Collectors.groupingBy(file -> file.getFileName().toString().replace(".java", "")));
    }

    @Test
    void theTableHasRows() {
        assertThat(rows).as("rows of the table under '%s' in docs/domain.md", TABLE_HEADING).isNotEmpty();
        assertThat(testSources).as("test sources under %s", root).isNotEmpty();
    }

    @Test
    void everyRuleHasARow() {
        assertThat(rows.keySet()).as("rules in the table of docs/domain.md")
                .containsAll(Arrays.stream(Rule.values()).map(Rule::name).toList());
    }

    @Test
    void everyRowNamesARuleWithItsCodeAndStatus() {
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            Optional<Rule> rule = Arrays.stream(Rule.values()).filter(r -> r.name().equals(row.getKey())).findFirst();
            assertThat(rule).as("the rule of row %s", row.getKey()).isPresent();
            List<String> cells = row.getValue();
            assertThat(cells.get(0)).as("the code of %s", row.getKey()).isEqualTo("`" + rule.get().code() + "`");
            assertThat(cells.get(1)).as("the status of %s", row.getKey())
                    .isEqualTo(rule.get().category() == Rule.Category.NOT_FOUND ? "404" : "409");
        }
    }

    @Test
    void everyRowNamesATestThatExistsAndMentionsTheRule() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            String pinnedBy = row.getValue().get(row.getValue().size() - 1);
            Matcher reference = TEST_REFERENCE.matcher(pinnedBy);
            int references = 0;
            while (reference.find()) {
                references++;
                String test = reference.group(1) + "#" + reference.group(2);
                List<String> bodies = testSources.getOrDefault(reference.group(1), List.of()).stream()
                        .map(source -> testMethodBody(source, reference.group(2))).flatMap(Optional::stream).toList();
                softly.assertThat(bodies).as("row %s: a test method %s in the test sources", row.getKey(), test)
                        .isNotEmpty();
                Pattern mention = Arrays.stream(Rule.values()).filter(r -> r.name().equals(row.getKey())).findFirst()
                        .map(rule -> Pattern.compile("\\b" + rule.name() + "\\b|\"" + Pattern.quote(rule.code()) + "\""))
                        .orElse(Pattern.compile(Pattern.quote(row.getKey())));
                if (!bodies.isEmpty()) {
                    softly.assertThat(bodies).as("row %s: %s mentions the rule by constant or code", row.getKey(), test)
                            .anyMatch(body -> mention.matcher(body).find());
                }
            }
            softly.assertThat(references).as("row %s: tests named", row.getKey()).isPositive();
        }
        softly.assertAll();
    }

    /** The README's seams and the docs name tests too; each must exist, or the list has drifted. */
    @Test
    void everyTestTheReadmeAndTheDocsNameExists() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        SoftAssertions softly = new SoftAssertions();
        for (Path document : documents) {
            Matcher reference = TEST_REFERENCE.matcher(Files.readString(document));
            while (reference.find()) {
                String className = reference.group(1);
                String method = reference.group(2);
                softly.assertThat(testSources.getOrDefault(className, List.of()).stream()
                                .anyMatch(source -> testMethodBody(source, method).isPresent()))
                        .as("%s names the test %s#%s", root.relativize(document), className, method).isTrue();
            }
        }
        softly.assertAll();
    }

    /** The rows of the rule table: constant to its other cells (code, status, ..., pinned by). */
    static Map<String, List<String>> ruleRows(String domain) {
        int start = domain.indexOf(TABLE_HEADING);
        assertThat(start).as("docs/domain.md has a section '%s'", TABLE_HEADING).isNotNegative();
        int end = domain.indexOf("\n## ", start + TABLE_HEADING.length());
        String section = domain.substring(start, end < 0 ? domain.length() : end);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                List<String> cells = Arrays.stream(row.group(2).split("\\|")).map(String::strip).toList();
                assertThat(cells).as("cells of row %s", row.group(1)).hasSizeGreaterThanOrEqualTo(3);
                assertThat(rows.put(row.group(1), cells)).as("a second row for %s", row.group(1)).isNull();
            }
        }
        return rows;
    }

    /**
     * The text of a test method of that name in the source, comments left out, followed by the
     * bodies of the methods of the same source it calls (its helpers); empty if it has no such test.
     */
    static Optional<String> testMethodBody(Path source, String method) {
        JavaText text = PARSED.computeIfAbsent(source, file -> {
            try {
                return JavaText.of(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(").matcher(text.structure());
        while (declaration.find()) {
            String before = text.structure().substring(0, declaration.start());
            int previous = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf('}'), before.lastIndexOf('{')));
            if (TEST_ANNOTATION.matcher(before.substring(previous + 1)).find()) {
                int open = text.structure().indexOf('{', declaration.end());
                String body = text.block(open);
                StringBuilder withHelpers = new StringBuilder(body);
                Matcher call = CALL.matcher(text.structure().substring(open, open + body.length()));
                while (call.find()) {
                    text.bodyOf(call.group(1)).ifPresent(helper -> withHelpers.append('\n').append(helper));
                }
                return Optional.of(withHelpers.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean isTestSource(Path file) {
        return file.toString().endsWith(".java") && root.relativize(file).toString().replace('\\', '/').contains("src/test/java/");
    }

    /** The directory that holds the root pom and the docs: the module's directory or one above it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/domain.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath() + " holds docs/domain.md");
    }

    /**
     * Java source with comments blanked ({@code code}), and with string and character literals
     * blanked too ({@code structure}, for counting braces); both keep every offset.
     */
    record JavaText(String code, String structure, Map<String, Integer> declarations) {

        /** A word, then a method's name and its opening parenthesis: a declaration if a body follows. */
        private static final Pattern DECLARED = Pattern.compile("([\\w$<>\\[\\],.?]+)\\s+([a-z][\\w$]*)\\s*\\(");
        private static final java.util.Set<String> KEYWORDS = java.util.Set.of("new", "return", "else", "throw", "case",
                "if", "for", "while", "switch", "catch", "synchronized", "try", "do", "assert", "yield");

        static JavaText of(String source) {
            StringBuilder code = new StringBuilder(source);
            StringBuilder structure = new StringBuilder(source);
            int i = 0;
            while (i < source.length()) {
                int end;
                if (source.startsWith("//", i)) {
                    end = source.indexOf('\n', i);
                    end = end < 0 ? source.length() : end;
                    blank(code, i, end);
                    blank(structure, i, end);
                } else if (source.startsWith("/*", i)) {
                    end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end + 2;
                    blank(code, i, end);
                    blank(structure, i, end);
                } else if (source.startsWith("\"\"\"", i)) {
                    end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end + 3;
                    blank(structure, i + 3, end - 3);
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    end = literalEnd(source, i);
                    blank(structure, i + 1, end - 1);
                } else {
                    end = i + 1;
                }
                i = end;
            }
            return new JavaText(code.toString(), structure.toString(), declarations(structure.toString()));
        }

        /** Where the body of each method declared here opens, by name (its first declaration). */
        private static Map<String, Integer> declarations(String structure) {
            Map<String, Integer> found = new HashMap<>();
            Matcher declared = DECLARED.matcher(structure);
            while (declared.find()) {
                if (KEYWORDS.contains(declared.group(1)) || KEYWORDS.contains(declared.group(2))) {
                    continue;
                }
                int depth = 0;
                int next = declared.end() - 1;
                for (; next < structure.length(); next++) {
                    char c = structure.charAt(next);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    if (depth == 0 || c == ';' || c == '{' || c == '}') {
                        break;
                    }
                }
                if (next < structure.length() && structure.charAt(next) == ')') {
                    int body = next + 1;
                    while (body < structure.length() && structure.charAt(body) != '{' && structure.charAt(body) != ';'
                            && structure.charAt(body) != '}' && structure.charAt(body) != '=') {
                        body++; // whitespace, or a throws clause
                    }
                    if (body < structure.length() && structure.charAt(body) == '{'
                            && structure.substring(next + 1, body).matches("\\s*(throws\\s+[\\w$.,\\s]+)?")) {
                        found.putIfAbsent(declared.group(2), body);
                    }
                }
            }
            return found;
        }

        /** The block that opens at {@code open}, braces included, comments left out. */
        String block(int open) {
            int depth = 0;
            for (int i = open; i >= 0 && i < structure.length(); i++) {
                char c = structure.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    return code.substring(open, i + 1);
                }
            }
            return code.substring(Math.max(open, 0));
        }

        /** The body of a method declared here under that name (its first declaration), if any. */
        Optional<String> bodyOf(String method) {
            return Optional.ofNullable(declarations.get(method)).map(this::block);
        }

        private static int literalEnd(String source, int start) {
            char quote = source.charAt(start);
            for (int i = start + 1; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    return i + 1;
                }
            }
            return source.length();
        }

        private static void blank(StringBuilder text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) != '\n') {
                    text.setCharAt(i, ' ');
                }
            }
        }
    }
}
