package org.crisiscoordination.testsupport;

import java.util.List;

/**
 * Who a test acts as: a subject with roles and, for a delegate or liaison, the party it
 * represents. {@link #bearer()} is its {@code Authorization} header, signed by {@link TestTokens}.
 *
 * @param represents the party, or null
 */
public record TestCaller(String subject, List<String> roles, String represents) {

    public TestCaller {
        roles = List.copyOf(roles);
    }

    /** The staff of the tests: the secretariat, an auditor and an operator at once, acting for no party. */
    public static TestCaller staff() {
        return new TestCaller("test-staff", List.of("SECRETARIAT", "AUDITOR", "OPERATOR"), null);
    }

    public static TestCaller secretariat() {
        return new TestCaller("test-secretariat", List.of("SECRETARIAT"), null);
    }

    public static TestCaller delegate(String party) {
        return new TestCaller("test-delegate-" + party.toLowerCase(java.util.Locale.ROOT), List.of("DELEGATE"), party);
    }

    public static TestCaller liaison(String organisation) {
        return new TestCaller("test-liaison-" + organisation.toLowerCase(java.util.Locale.ROOT), List.of("LIAISON"),
                organisation);
    }

    public static TestCaller auditor() {
        return new TestCaller("test-auditor", List.of("AUDITOR"), null);
    }

    public static TestCaller operator() {
        return new TestCaller("test-operator", List.of("OPERATOR"), null);
    }

    /** A caller with no role at all: it may read what any authenticated caller may. */
    public static TestCaller reader() {
        return new TestCaller("test-reader", List.of(), null);
    }

    public TestCaller withSubject(String name) {
        return new TestCaller(name, roles, represents);
    }

    public TestCaller representing(String party) {
        return new TestCaller(subject, roles, party);
    }

    /** A token for this caller, valid for an hour. */
    public String token() {
        return TestTokens.mint(this);
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token();
    }

    /** The {@code actor} the events this caller causes record. */
    public String actor() {
        return TestTokens.ISSUER + "#" + subject;
    }
}
