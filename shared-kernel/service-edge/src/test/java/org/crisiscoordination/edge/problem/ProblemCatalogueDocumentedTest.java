package org.crisiscoordination.edge.problem;

import org.crisiscoordination.kernel.rules.Rule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented catalogue and the code's stay the same: every type and every rule code is listed. */
class ProblemCatalogueDocumentedTest {

    private static final Path CATALOGUE = Path.of("..", "..", "docs", "problem-types.md");

    @Test
    void documentsEveryProblemTypeWithItsStatus() throws Exception {
        String catalogue = Files.readString(CATALOGUE);
        for (ProblemType type : ProblemType.values()) {
            assertThat(catalogue).as(type.name()).contains("| `" + type.slug() + "` | " + type.status() + " |");
        }
    }

    @Test
    void documentsEveryRuleWithItsStatus() throws Exception {
        String catalogue = Files.readString(CATALOGUE);
        for (Rule rule : Rule.values()) {
            String status = rule.category() == Rule.Category.NOT_FOUND ? "404" : "409";
            assertThat(catalogue).as(rule.name()).contains("| `" + rule.code() + "` | " + status + " |");
        }
    }
}
