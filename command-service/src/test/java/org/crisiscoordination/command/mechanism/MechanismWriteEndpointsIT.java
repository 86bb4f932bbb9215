package org.crisiscoordination.command.mechanism;

import org.crisiscoordination.testsupport.TestCaller;
import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.PowerTrackStore;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;
import static org.crisiscoordination.command.support.ProblemAssertions.errorFields;

/**
 * The security mechanism's endpoints over HTTP. The mechanism is one aggregate ({@code
 * asia-pacific}) that every test of this JVM shares, so these tests never assume it is new: they
 * read what it already holds from the store, work with states and parties no other test uses, and
 * prove each rule relative to that (a topic already admitted elsewhere is simply skipped in the walk
 * up the agenda, while the tier rule is shown for the topics still missing).
 */
class MechanismWriteEndpointsIT extends CommandServiceIT {

    private static final String ID = "asia-pacific";

    /** The agenda by tier, as the domain lists it. */
    private enum Topic {
        DISASTER_RELIEF(1), MARITIME_SEARCH_AND_RESCUE(1), PUBLIC_HEALTH(1), COUNTER_PIRACY(1),
        COUNTER_TERRORISM(2), TRANSNATIONAL_CRIME(2), CYBER_SECURITY(2), MARITIME_SECURITY(2), NUCLEAR_SAFETY(2),
        TERRITORIAL_DISPUTE(3), MILITARY_CONFRONTATION(3), NON_PROLIFERATION(3);

        final int tier;

        Topic(int tier) {
            this.tier = tier;
        }
    }

    /** Small states of the region that no other test names. */
    private static final List<String> STATES = List.of("NR", "TV", "KI", "WS", "TO", "VU", "SB", "FM", "MH", "PW");

    private StoredEvents events;

    @BeforeEach
    void readStore() {
        events = new StoredEvents(jdbc);
    }

    @Test
    void theAgendaAdmitsATopicOnlyOnceEveryTopicOfTheLowerTiersIsOnIt() {
        Set<Topic> admitted = admittedTopics();
        assertThat(Arrays.stream(Topic.values()).anyMatch(t -> t.tier < 3 && !admitted.contains(t)))
                .as("a topic of tier 1 or 2 is still missing from %s, so the tier rule can be shown", admitted)
                .isTrue();
        int refusals = refuseEveryTopicAboveAnIncompleteTier(admitted);

        for (Topic topic : Topic.values()) {
            if (admitted.contains(topic)) {
                continue;
            }
            StoredEvent stored = assertAccepted("/api/mechanism/topics", topic(topic.name()), "SecurityTopicAdmitted");
            assertThat(stored.payload().path("topic").asText()).isEqualTo(topic.name());
            assertThat(stored.payload().path("tier").asInt()).isEqualTo(topic.tier);
            admitted.add(topic);
            refusals += refuseEveryTopicAboveAnIncompleteTier(admitted);
        }

        assertThat(refusals).as("topics refused while a lower tier was incomplete").isPositive();
        assertThat(admittedTopics()).containsExactlyInAnyOrder(Topic.values());
    }

    /**
     * Every topic not yet admitted while a topic of a lower tier is missing is refused, naming the
     * missing ones, and appends nothing; answers how many were refused.
     */
    private int refuseEveryTopicAboveAnIncompleteTier(Set<Topic> admitted) {
        int refused = 0;
        for (Topic topic : Topic.values()) {
            List<String> lowerMissing = Arrays.stream(Topic.values())
                    .filter(t -> t.tier < topic.tier && !admitted.contains(t)).map(Topic::name).toList();
            if (admitted.contains(topic) || lowerMissing.isEmpty()) {
                continue;
            }
            long before = eventCount(ID);
            JsonNode problem = assertRefused("/api/mechanism/topics", topic(topic.name()), "lower-tiers-not-admitted");
            assertThat(problem.path("detail").asText()).contains(topic.name()).contains(lowerMissing);
            assertThat(eventCount(ID)).isEqualTo(before);
            refused++;
        }
        return refused;
    }

    @Test
    void aTopicAlreadyOnTheAgendaIs409TopicAlreadyAdmitted() {
        Topic topic = Topic.DISASTER_RELIEF;
        if (!admittedTopics().contains(topic)) {
            assertAccepted("/api/mechanism/topics", topic(topic.name()), "SecurityTopicAdmitted");
        }
        long before = eventCount(ID);

        JsonNode problem = assertRefused("/api/mechanism/topics", topic(topic.name()), "topic-already-admitted");

        assertThat(problem.path("detail").asText()).contains(topic.name());
        assertThat(eventCount(ID)).isEqualTo(before);
    }

    @Test
    void aStateJoinsOnceAndAnswers200WithTheMechanismsNextVersion() {
        String state = aStateNotYetJoined();

        StoredEvent joined = assertAccepted("/api/mechanism/members", member(state), "MemberStateJoined");

        assertThat(joined.payload().path("state").asText()).isEqualTo(state);
        assertThat(joined.payload().path("mechanismId").asText()).isEqualTo(ID);
        long before = eventCount(ID);
        JsonNode problem = assertRefused("/api/mechanism/members", member(state), "already-a-member");
        assertThat(problem.path("detail").asText()).contains(state);
        assertThat(eventCount(ID)).isEqualTo(before);
    }

    @Test
    void aStatePledgesOnlyOnceItHasJoinedAndOnlyOnce() {
        String state = aStateNotYetJoined();
        long before = eventCount(ID);

        JsonNode refused = assertRefused("/api/mechanism/pledges", pledge(state), "pledge-not-allowed");

        assertThat(refused.path("detail").asText()).contains(state);
        assertThat(eventCount(ID)).isEqualTo(before);
        assertAccepted("/api/mechanism/members", member(state), "MemberStateJoined");
        StoredEvent pledged = assertAccepted("/api/mechanism/pledges", pledge(state), "NonViolencePledgeMade");
        assertThat(pledged.payload().path("party").asText()).isEqualTo(state);
        long afterPledge = eventCount(ID);
        assertRefused("/api/mechanism/pledges", pledge(state), "already-pledged");
        assertThat(eventCount(ID)).isEqualTo(afterPledge);
    }

    @Test
    void aMajorPowerMayPledgeWithoutJoiningButOnlyOnce() {
        Set<String> pledged = partiesPledged();
        String power = List.of("CN", "US", "RU", "JP", "IN", "ASEAN").stream().filter(p -> !pledged.contains(p))
                .findFirst().orElse(null);
        if (power != null) {
            StoredEvent made = assertAccepted("/api/mechanism/pledges", pledge(power), "NonViolencePledgeMade");
            assertThat(made.payload().path("party").asText()).isEqualTo(power);
        } else {
            power = "ASEAN";
        }
        long before = eventCount(ID);

        assertRefused("/api/mechanism/pledges", pledge(power), "already-pledged");

        assertThat(eventCount(ID)).isEqualTo(before);
        assertThat(partiesPledged()).contains(power);
    }

    @Test
    void noDelegateRepresentsARegionalOrganisationSoNoneMayPledgeForOne() {
        long before = eventCount(ID);

        // no delegate represents an organisation, so none holds the right (the aggregate's own
        // refusal of an organisation's pledge stands behind it, SecurityMechanismTest)
        Api.Answer answer = api.post("/api/mechanism/pledges", pledge("SCO"))
                .as(TestCaller.delegate("CN").representing("SCO")).send();
        assertThat(assertProblem(answer, 403, "right-missing", "/api/mechanism/pledges").path("right").asText())
                .isEqualTo("pledge");

        assertThat(eventCount(ID)).isEqualTo(before);
    }

    @Test
    void unknownTopicsStatesAndPartiesAreRefusedWith400() {
        long before = eventCount(ID);

        assertInvalid("/api/mechanism/topics", topic("ALIEN_INVASION"), "topic");
        assertInvalid("/api/mechanism/topics", topic("disaster_relief"), "topic");
        assertInvalid("/api/mechanism/topics", "{}", "topic");
        assertInvalid("/api/mechanism/members", member("XX"), "state");
        assertInvalid("/api/mechanism/members", member("ph"), "state");
        assertInvalid("/api/mechanism/members", member("PHL"), "state");
        assertInvalid("/api/mechanism/members", "{}", "state");
        assertInvalid("/api/mechanism/pledges", pledge("NATO"), "party");
        assertInvalid("/api/mechanism/pledges", pledge(""), "party");
        assertInvalid("/api/mechanism/pledges", "{}", "party");

        assertThat(eventCount(ID)).isEqualTo(before);
    }

    @Test
    void consecutiveWritesAnswerTheMechanismAtIncreasingVersions() {
        List<String> states = STATES.stream().filter(s -> !membersJoined().contains(s)).limit(2).toList();
        assertThat(states).as("two of %s have not joined yet", STATES).hasSize(2);
        List<Long> versions = new ArrayList<>();

        for (String state : states) {
            versions.add(assertAccepted("/api/mechanism/members", member(state), "MemberStateJoined").sequence());
            versions.add(assertAccepted("/api/mechanism/pledges", pledge(state), "NonViolencePledgeMade").sequence());
        }

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(3) - versions.get(0)).isEqualTo(3);
    }

    /** A write that answers 200 for the mechanism at the version of the event it appended; answers that event. */
    private StoredEvent assertAccepted(String path, String body, String eventType) {
        long before = eventCount(ID);
        Api.Answer answer = api.post(path, body).send();

        assertThat(answer.status()).as("%s %s: %s", path, body, answer.raw().body()).isEqualTo(200);
        assertThat(answer.header("Location")).isNull();
        JsonNode json = answer.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "aggregateId", "version", "consistencyToken");
        assertThat(json.path("id").asText()).isEqualTo(ID);
        assertThat(json.path("aggregateId").asText()).isEqualTo(ID);
        assertThat(json.path("version").asLong()).isEqualTo(before);
        assertThat(eventCount(ID)).isEqualTo(before + 1);
        StoredEvent last = events.last(ID);
        assertThat(last.sequence()).isEqualTo(before);
        assertThat(last.type()).isEqualTo("SecurityMechanism");
        assertThat(PowerTrackStore.simpleType(last)).isEqualTo(eventType);
        return last;
    }

    private JsonNode assertRefused(String path, String body, String rule) {
        Api.Answer answer = api.post(path, body).send();
        JsonNode problem = assertProblem(answer, 409, "rule-violated", path);
        assertThat(problem.path("rule").asText()).as("rule of %s", answer.raw().body()).isEqualTo(rule);
        return problem;
    }

    private void assertInvalid(String path, String body, String field) {
        JsonNode problem = assertProblem(api.post(path, body).send(), 400, "invalid-request", path);
        assertThat(errorFields(problem)).as(body).containsExactly(field);
    }

    private String aStateNotYetJoined() {
        Set<String> joined = membersJoined();
        return STATES.stream().filter(s -> !joined.contains(s)).findFirst()
                .orElseThrow(() -> new AssertionError("every one of " + STATES + " has joined already"));
    }

    private Set<Topic> admittedTopics() {
        return values("SecurityTopicAdmitted", "topic").stream().map(Topic::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Topic.class)));
    }

    private Set<String> membersJoined() {
        return values("MemberStateJoined", "state");
    }

    private Set<String> partiesPledged() {
        return values("NonViolencePledgeMade", "party");
    }

    private Set<String> values(String eventType, String field) {
        return events.of(ID).stream().filter(e -> PowerTrackStore.simpleType(e).equals(eventType))
                .map(e -> e.payload().path(field).asText()).collect(Collectors.toSet());
    }

    private static String topic(String topic) {
        return "{\"topic\":\"" + topic + "\"}";
    }

    private static String member(String state) {
        return "{\"state\":\"" + state + "\"}";
    }

    private static String pledge(String party) {
        return "{\"party\":\"" + party + "\"}";
    }
}
