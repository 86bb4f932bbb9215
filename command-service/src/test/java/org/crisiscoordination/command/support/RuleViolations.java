package org.crisiscoordination.command.support;

import org.crisiscoordination.kernel.rules.Rule;
import org.crisiscoordination.kernel.rules.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the refusals the aggregates' fixtures expect. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A refusal by {@code rule}: a {@link RuleViolation} naming it, whose message starts with its code. */
    public static Matcher<RuleViolation> violating(Rule rule) {
        String prefix = rule.code() + ": ";
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
                mismatch.appendText("refused by ").appendValue(violation.rule())
                        .appendText(" with message ").appendValue(violation.getMessage());
                return violation.rule() == rule && violation.getMessage().startsWith(prefix);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of ").appendValue(rule)
                        .appendText(" whose message starts with ").appendValue(prefix);
            }
        };
    }
}
