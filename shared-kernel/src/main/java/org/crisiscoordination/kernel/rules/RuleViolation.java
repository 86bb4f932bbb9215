package org.crisiscoordination.kernel.rules;

/** An aggregate refused a command because a state rule forbids it; nothing was appended. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String detail;

    public RuleViolation(Rule rule, String detail) {
        super(rule.code() + ": " + detail);
        this.rule = rule;
        this.detail = detail;
    }

    public RuleViolation(Rule rule) {
        this(rule, rule.description());
    }

    public Rule rule() {
        return rule;
    }

    /** This refusal in words: the rule and how the command broke it. */
    public String detail() {
        return detail;
    }

    /** Checks a rule: refuses with it unless {@code holds}. */
    public static void require(boolean holds, Rule rule, String detail) {
        if (!holds) {
            throw new RuleViolation(rule, detail);
        }
    }
}
