package org.crisiscoordination.edge.problem;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

    @Test
    void everySlugIsKebabCaseAndUnique() {
        assertThat(ProblemType.values()).allSatisfy(type -> assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*"));
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
    }

    @Test
    void theSlugIsTheNameInKebabCase() {
        assertThat(ProblemType.values())
                .allSatisfy(type -> assertThat(type.slug()).isEqualTo(type.name().toLowerCase().replace('_', '-')));
    }

    @Test
    void theTypeUriIsThePrefixFollowedByTheSlug() {
        assertThat(ProblemType.RULE_VIOLATED.uri()).isEqualTo(URI.create("urn:crisis-coordination:problem:rule-violated"));
        assertThat(ProblemType.values())
                .allSatisfy(type -> assertThat(type.uri()).hasToString(ProblemType.URI_PREFIX + type.slug()));
    }

    @Test
    void everyTypeAnswersAnErrorStatusWithATitle() {
        assertThat(ProblemType.values()).allSatisfy(type -> {
            assertThat(type.status()).isBetween(400, 599);
            assertThat(type.title()).isNotBlank();
        });
    }

    @Test
    void valueRulesAnswer400AndStateRules409() {
        assertThat(ProblemType.INVALID_REQUEST.status()).isEqualTo(400);
        assertThat(ProblemType.MALFORMED_REQUEST.status()).isEqualTo(400);
        assertThat(ProblemType.RULE_VIOLATED.status()).isEqualTo(409);
        assertThat(ProblemType.NOT_FOUND.status()).isEqualTo(404);
    }
}
