package org.crisiscoordination.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.command.support.Channels;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.ValidChannel;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;
import static org.crisiscoordination.command.support.ProblemAssertions.errorMessage;

/**
 * Text that PostgreSQL cannot store or that stops a reader (a NUL, a lone surrogate, a reversed
 * surrogate pair, other control characters) is refused at the edge, naming the field, and
 * nothing is appended. Every other string field (ids, enums, state codes) refuses it too, and the
 * answer that echoes the refused value is still well-formed JSON.
 */
class TextContentIT extends CommandServiceIT {

    /** The JSON escapes of the hostile texts, as a client would send them. */
    private static final String NUL = "a\\u0000b";
    private static final String LONE_SURROGATE = "lone \\ud800";
    private static final String REVERSED_PAIR = "reversed \\udf0a\\ud83c";

    private String crisisId;
    private long storedBefore;

    @BeforeEach
    void aCrisis() {
        crisisId = Crises.raise(api);
        storedBefore = eventCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {NUL, LONE_SURROGATE, REVERSED_PAIR, "bell \\u0007", "escape \\u001b[2J", "c1 \\u0085",
            "carriage \\r return"})
    void aTitleThatCannotBeStoredIsRefusedNamingIt(String title) {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("Reef standoff", title)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactly("title");
        assertThat(errorMessage(problem, "title")).startsWith("must not contain");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {NUL, LONE_SURROGATE, REVERSED_PAIR})
    void everyTextFieldOfARaiseIsChecked(String text) {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE.replace("Second Thomas Shoal", text)
                .replace("A resupply mission was blocked", text)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("hotspot", "summary");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {NUL, LONE_SURROGATE, REVERSED_PAIR})
    void textOfLaterCommandsIsCheckedToo(String text) {
        String escalations = path(crisisId, "/escalations");
        JsonNode escalation = assertProblem(api.post(escalations, Crises.severity(4)
                .replace("the situation changed", text)).send(), 400, "invalid-request", escalations);
        assertThat(errorFields(escalation)).containsExactly("reason");

        JsonNode convene = assertProblem(api.post("/api/channels", ValidChannel.convene(crisisId)
                .replace(Channels.AGENDA, text)).send(), 400, "invalid-request", "/api/channels");
        assertThat(errorFields(convene)).containsExactly("agenda");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {NUL, LONE_SURROGATE, REVERSED_PAIR})
    void idsEnumsAndCodesRefuseItAndTheEchoingAnswerIsWellFormed(String text) {
        Api.Answer answer = api.post("/api/crises", """
                {"crisisId":"%1$s","title":"t","hotspot":"h","topic":"%1$s","severity":3,"involvedStates":["%1$s"],
                 "summary":"s"}""".formatted(text)).send();

        JsonNode problem = assertProblem(answer, 400, "invalid-request", "/api/crises");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("crisisId", "topic", "involvedStates[0]");
        assertThat(eventCount()).isEqualTo(storedBefore);
    }
}
