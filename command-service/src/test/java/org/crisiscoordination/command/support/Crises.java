package org.crisiscoordination.command.support;

import org.crisiscoordination.testsupport.Api;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies of the crisis endpoints, and the few steps most tests start from: a crisis of
 * the Philippines and China (so ASEAN, SCO, EAS and CICA have jurisdiction, SAARC has none) at
 * severity 3, and referrals of it.
 */
public final class Crises {

    /** The states {@link #RAISE} involves. */
    public static final List<String> INVOLVED_STATES = List.of("PH", "CN");

    public static final String RAISE = """
            {"title":"Reef standoff","hotspot":"Second Thomas Shoal","topic":"MARITIME_SECURITY",
             "severity":3,"involvedStates":["PH","CN"],"summary":"A resupply mission was blocked"}
            """;

    private Crises() {
    }

    public static String raiseWithId(String crisisId) {
        return """
                {"crisisId":"%s","title":"Reef standoff","hotspot":"Second Thomas Shoal","topic":"MARITIME_SECURITY",
                 "severity":3,"involvedStates":["PH","CN"],"summary":"A resupply mission was blocked"}
                """.formatted(crisisId);
    }

    public static String severity(int severity) {
        return """
                {"severity":%d,"reason":"the situation changed"}""".formatted(severity);
    }

    public static String referral(String organization) {
        return """
                {"organization":"%s","mandate":"Facilitate talks between the parties"}""".formatted(organization);
    }

    public static String referral(String referralId, String organization) {
        return """
                {"referralId":"%s","organization":"%s","mandate":"Facilitate talks between the parties"}"""
                .formatted(referralId, organization);
    }

    public static String involvement(String bloc) {
        return """
                {"bloc":"%s","description":"Joint patrols near the hotspot"}""".formatted(bloc);
    }

    public static final String DECLINE = """
            {"reason":"Outside the organisation's current mandate"}""";

    public static final String OUTCOME = """
            {"findings":"Both parties agreed to a hotline","recommendation":"Monitor the shoal jointly"}""";

    public static final String RESOLUTION = """
            {"resolution":"A provisional arrangement for resupply was agreed"}""";

    /** Raises a crisis (severity 3, PH and CN involved) and answers its id. */
    public static String raise(Api api) {
        Api.Answer answer = api.post("/api/crises", RAISE).send();
        assertThat(answer.status()).as("raising a crisis: %s", answer.raw().body()).isEqualTo(201);
        return answer.text("id");
    }

    /** Refers a crisis to an organisation and answers the referral id. */
    public static String refer(Api api, String crisisId, String organization) {
        Api.Answer answer = api.post(path(crisisId, "/referrals"), referral(organization)).send();
        assertThat(answer.status()).as("referring: %s", answer.raw().body()).isEqualTo(201);
        return answer.text("referralId");
    }

    /** Refers a crisis to an organisation, which accepts; answers the referral id. */
    public static String referAccepted(Api api, String crisisId, String organization) {
        String referralId = refer(api, crisisId, organization);
        Api.Answer answer = api.post(referralPath(crisisId, referralId, "/acceptance"), "{}").send();
        assertThat(answer.status()).as("accepting: %s", answer.raw().body()).isEqualTo(200);
        return referralId;
    }

    public static String path(String crisisId, String tail) {
        return "/api/crises/" + crisisId + tail;
    }

    public static String referralPath(String crisisId, String referralId, String tail) {
        return "/api/crises/" + crisisId + "/referrals/" + referralId + tail;
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
