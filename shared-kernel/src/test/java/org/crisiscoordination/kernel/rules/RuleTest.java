package org.crisiscoordination.kernel.rules;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest {

    @Test
    void everyCodeIsKebabCase() {
        assertThat(Rule.values()).allSatisfy(rule -> assertThat(rule.code()).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void everyCodeIsUnique() {
        assertThat(Arrays.stream(Rule.values()).map(Rule::code)).doesNotHaveDuplicates();
    }

    @Test
    void theCodeIsTheNameInKebabCase() {
        assertThat(Rule.SEVERITY_BELOW_CHANNEL_THRESHOLD.code()).isEqualTo("severity-below-channel-threshold");
        assertThat(Rule.NO_JURISDICTION.code()).isEqualTo("no-jurisdiction");
    }

    @Test
    void everyRuleDescribesWhatItDemands() {
        assertThat(Rule.values()).allSatisfy(rule -> assertThat(rule.description()).isNotBlank());
    }

    @Test
    void onlyTheNotFoundRulesAreOfTheNotFoundCategory() {
        assertThat(Rule.values()).allSatisfy(rule -> assertThat(rule.category()).isEqualTo(
                rule.name().endsWith("_NOT_FOUND") ? Rule.Category.NOT_FOUND : Rule.Category.CONFLICT));
        assertThat(Arrays.stream(Rule.values()).filter(r -> r.category() == Rule.Category.NOT_FOUND))
                .containsExactlyInAnyOrder(Rule.CRISIS_NOT_FOUND, Rule.REFERRAL_NOT_FOUND, Rule.CHANNEL_NOT_FOUND,
                        Rule.PROPOSAL_NOT_FOUND);
    }
}
