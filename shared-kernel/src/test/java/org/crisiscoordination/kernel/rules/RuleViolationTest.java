package org.crisiscoordination.kernel.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleViolationTest {

    @Test
    void requirePassesWhenTheRuleHolds() {
        assertThatCode(() -> RuleViolation.require(true, Rule.NO_JURISDICTION, "SAARC has no member among PH"))
                .doesNotThrowAnyException();
    }

    @Test
    void requireRefusesWithTheRuleWhenItDoesNotHold() {
        RuleViolation violation = catchThrowableOfType(
                () -> RuleViolation.require(false, Rule.NO_JURISDICTION, "SAARC has no member among PH"),
                RuleViolation.class);

        assertThat(violation.rule()).isEqualTo(Rule.NO_JURISDICTION);
        assertThat(violation.detail()).isEqualTo("SAARC has no member among PH");
        assertThat(violation).hasMessage("no-jurisdiction: SAARC has no member among PH");
    }

    @Test
    void aViolationWithoutDetailIsDescribedByItsRule() {
        RuleViolation violation = new RuleViolation(Rule.CRISIS_RESOLVED);

        assertThat(violation.detail()).isEqualTo(Rule.CRISIS_RESOLVED.description());
        assertThat(violation).hasMessage("crisis-resolved: a resolved crisis takes no further commands");
    }

    @Test
    void isARuntimeException() {
        assertThat(new RuleViolation(Rule.ALREADY_PLEDGED)).isInstanceOf(RuntimeException.class);
    }
}
