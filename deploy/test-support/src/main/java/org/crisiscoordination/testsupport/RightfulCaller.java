package org.crisiscoordination.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.validation.InvalidValueException;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller a request is sent as when a test names none: the one its endpoint's rights want, so
 * that tests about something else need not say who acts. A delegate of the party a channel or
 * pledge write names ({@code participant}, {@code proposer}, {@code party}); a liaison of the
 * organisation a referral was made to (as this client saw it referred); {@link TestCaller#staff()}
 * for everything else. The services' own rights tables decide; their matrix tests check them with
 * explicit callers, never with this.
 */
public final class RightfulCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERRAL_ANSWER = Pattern.compile(
            "/api/crises/[^/]+/referrals/([^/?]+)/(acceptance|decline|outcome)");
    /** A party that passes the role check, for a body too broken to name one: validation answers first. */
    private static final String ANY_DELEGATE = "CN";

    private RightfulCaller() {
    }

    /**
     * @param path       the request's path (a query string is ignored)
     * @param referredTo the organisation of each referral the client saw made, by referral id
     */
    public static TestCaller of(String method, String path, String body, Map<String, String> referredTo) {
        String bare = path.split("\\?", 2)[0];
        if (!"POST".equals(method)) {
            return TestCaller.staff();
        }
        Matcher referralAnswer = REFERRAL_ANSWER.matcher(bare);
        if (referralAnswer.matches()) {
            return TestCaller.liaison(referredTo.getOrDefault(referralAnswer.group(1), "ASEAN"));
        }
        if (bare.matches("/api/channels/[^/]+/(acknowledgements|statements)")
                || bare.matches("/api/channels/[^/]+/joint-statements/[^/]+/endorsements")) {
            return TestCaller.delegate(field(body, "participant"));
        }
        if (bare.matches("/api/channels/[^/]+/joint-statements")) {
            return TestCaller.delegate(field(body, "proposer"));
        }
        if (bare.equals("/api/mechanism/pledges")) {
            return TestCaller.delegate(field(body, "party"));
        }
        return TestCaller.staff();
    }

    private static boolean isParty(String code) {
        try {
            Party.of(code);
            return true;
        } catch (InvalidValueException notAParty) {
            return false;
        }
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            JsonNode value = node == null || !node.isObject() ? null : node.get(name);
            return value != null && value.isTextual() && isParty(value.asText()) ? value.asText() : ANY_DELEGATE;
        } catch (IOException notJson) {
            return ANY_DELEGATE;
        }
    }
}
