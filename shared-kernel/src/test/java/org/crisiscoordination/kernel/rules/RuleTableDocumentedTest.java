package org.crisiscoordination.kernel.rules;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Every other test the README or the docs name (the seams list, say) must exist too, and the rule
 * codes {@code docs/api.md} gives for its writes are the rules, all of them.
 */
class RuleTableDocumentedTest {

    private static final String TABLE_HEADING = "## The state rules and the tests that pin them";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z_]*)`\\s*\\|(.*)\\|\\s*$");
    private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    private static Path root;
    private static Map<String, List<String>> rows;
    private static TestSources testSources;

    @BeforeAll
    static void readTheTableAndTheTestSources() throws IOException {
        root = repositoryRoot();
        rows = ruleRows(Files.readString(root.resolve("docs/domain.md")));
        testSources = TestSources.under(root);
    }

    @Test
    void theTableHasRows() {
        assertThat(rows).as("rows of the table under '%s' in docs/domain.md", TABLE_HEADING).isNotEmpty();
        assertThat(testSources.isEmpty()).as("no test sources under %s", root).isFalse();
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
                Optional<String> body = testSources.testMethod(reference.group(1), reference.group(2));
                softly.assertThat(body).as("row %s: a test method %s in the test sources", row.getKey(), test)
                        .isPresent();
                Pattern mention = Arrays.stream(Rule.values()).filter(r -> r.name().equals(row.getKey())).findFirst()
                        .map(rule -> Pattern.compile(
                                "\\b" + rule.name() + "\\b|\"" + Pattern.quote(rule.code()) + "\""))
                        .orElse(Pattern.compile(Pattern.quote(row.getKey())));
                body.ifPresent(text -> softly.assertThat(mention.matcher(text).find())
                        .as("row %s: %s mentions the rule by constant or code, in:%n%s", row.getKey(), test, text)
                        .isTrue());
            }
            softly.assertThat(references).as("row %s: tests named", row.getKey()).isPositive();
        }
        softly.assertAll();
    }

    /** docs/api.md lists the rules each write can be refused with: each is a rule, and no rule is left out. */
    @Test
    void theWriteEndpointsOfTheApiNameEveryRuleAndOnlyRules() throws IOException {
        Map<String, Rule> byCode = Arrays.stream(Rule.values()).collect(Collectors.toMap(Rule::code, rule -> rule));
        Set<Rule> named = EnumSet.noneOf(Rule.class);
        SoftAssertions softly = new SoftAssertions();
        for (String line : Files.readString(root.resolve("docs/api.md")).split("\n")) {
            if (line.startsWith("| `POST /api/crises") || line.startsWith("| `POST /api/channels")
                    || line.startsWith("| `POST /api/mechanism")) {
                String[] cells = line.split("\\|");
                Matcher code = Pattern.compile("`([a-z]+(-[a-z]+)*)`").matcher(cells[cells.length - 1]);
                while (code.find()) {
                    softly.assertThat(byCode).as("a rule code named by docs/api.md: %s", line.substring(0, 40))
                            .containsKey(code.group(1));
                    Optional.ofNullable(byCode.get(code.group(1))).ifPresent(named::add);
                }
            }
        }
        softly.assertThat(named).as("the rules docs/api.md names for its writes")
                .containsExactlyInAnyOrder(Rule.values());
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
                softly.assertThat(testSources.testMethod(className, method).isPresent())
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

    /** The directory that holds the root pom and the docs: the module's directory or one above it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/domain.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath() + " holds docs/domain.md");
    }
}
