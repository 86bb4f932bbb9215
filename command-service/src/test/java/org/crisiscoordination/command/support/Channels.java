package org.crisiscoordination.command.support;

import org.crisiscoordination.testsupport.Api;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies of the channel endpoints, and the steps most power-track tests start from: a
 * crisis of a chosen severity and involved states, and a channel convened for it. The crisis of
 * {@link Crises#RAISE} involves the Philippines and China, so its channel needs CN and ASEAN.
 */
public final class Channels {

    public static final String AGENDA = "Resupply of the outpost";
    public static final String LOCATION = "http://query.test:8081/api/channels/";

    private Channels() {
    }

    /** A convene body; {@code channelId} and {@code acknowledgeWithin} are left out when null. */
    public static String conveneWith(String channelId, String crisisId, String acknowledgeWithin,
                                     String... participants) {
        StringBuilder body = new StringBuilder("{");
        if (channelId != null) {
            body.append("\"channelId\":\"").append(channelId).append("\",");
        }
        body.append("\"crisisId\":\"").append(crisisId).append("\",\"participants\":").append(array(participants))
                .append(",\"agenda\":\"").append(AGENDA).append('"');
        if (acknowledgeWithin != null) {
            body.append(",\"acknowledgeWithin\":\"").append(acknowledgeWithin).append('"');
        }
        return body.append('}').toString();
    }

    public static String convene(String crisisId, String... participants) {
        return conveneWith(null, crisisId, null, participants);
    }

    public static String participant(String participant) {
        return "{\"participant\":\"" + participant + "\"}";
    }

    public static String statement(String participant, String text) {
        return "{\"participant\":\"" + participant + "\",\"text\":\"" + text + "\"}";
    }

    public static String proposal(String proposer, String text) {
        return "{\"proposer\":\"" + proposer + "\",\"text\":\"" + text + "\"}";
    }

    public static String proposal(String proposalId, String proposer, String text) {
        return "{\"proposalId\":\"" + proposalId + "\",\"proposer\":\"" + proposer + "\",\"text\":\"" + text + "\"}";
    }

    public static String closure(String outcome, String note) {
        return note == null ? "{\"outcome\":\"" + outcome + "\"}"
                : "{\"outcome\":\"" + outcome + "\",\"note\":\"" + note + "\"}";
    }

    public static String path(String channelId, String tail) {
        return "/api/channels/" + channelId + tail;
    }

    public static String endorsements(String channelId, String proposalId) {
        return "/api/channels/" + channelId + "/joint-statements/" + proposalId + "/endorsements";
    }

    /** A crisis body of the given severity and involved states (an ISO code each). */
    public static String raise(int severity, String... involvedStates) {
        return """
                {"title":"Border standoff","hotspot":"A contested pass","topic":"MILITARY_CONFRONTATION",
                 "severity":%d,"involvedStates":%s,"summary":"Troops face each other across the pass"}
                """.formatted(severity, array(involvedStates));
    }

    /** Raises a crisis of the given severity and involved states and answers its id. */
    public static String raise(Api api, int severity, String... involvedStates) {
        Api.Answer answer = api.post("/api/crises", raise(severity, involvedStates)).send();
        assertThat(answer.status()).as("raising a crisis: %s", answer.raw().body()).isEqualTo(201);
        return answer.text("id");
    }

    /** Convenes a channel with the default acknowledgement period and answers its id. */
    public static String convene(Api api, String crisisId, String... participants) {
        Api.Answer answer = api.post("/api/channels", convene(crisisId, participants)).send();
        assertThat(answer.status()).as("convening: %s", answer.raw().body()).isEqualTo(201);
        return answer.text("channelId");
    }

    /** Proposes a joint statement and answers the proposal's id. */
    public static String propose(Api api, String channelId, String proposer) {
        Api.Answer answer = api.post(path(channelId, "/joint-statements"),
                proposal(proposer, "The parties will keep a hotline open")).send();
        assertThat(answer.status()).as("proposing: %s", answer.raw().body()).isEqualTo(201);
        return answer.text("proposalId");
    }

    /** Sends a write that must succeed with 200, and answers it. */
    public static Api.Answer ok(Api api, String path, String body) {
        Api.Answer answer = api.post(path, body).send();
        assertThat(answer.status()).as("%s: %s", path, answer.raw().body()).isEqualTo(200);
        return answer;
    }

    private static String array(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
