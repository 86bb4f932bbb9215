package org.crisiscoordination.query.board;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.MinilateralInvolvementRecorded;
import org.crisiscoordination.kernel.crisis.ReferralAccepted;
import org.crisiscoordination.kernel.crisis.ReferralDeclined;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReferralOutcomeReported;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.projection.ProjectionProgress;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.CaughtUp;
import org.crisiscoordination.query.support.EventAppender.Caller;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crisis board end to end: events appended to the store, projected by the tracking processor,
 * read over HTTP. The database is shared with other tests, so assertions about lists look only at
 * the crises a test made itself (each is marked by a hotspot of its own).
 */
class CrisisBoardIT extends QueryServiceIT {

    private static final String CRISIS = "Crisis";
    private static final Duration PROJECTED = Duration.ofSeconds(5);

    private final String hotspot = "hotspot-" + UUID.randomUUID();

    @Autowired
    private ProjectionProgress progress;

    @Test
    void showsEveryFieldOfACrisisWithItsMechanismTrackAndInvolvements() {
        Instant raisedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        CrisisId crisis = raise(SecurityTopic.MARITIME_SECURITY, 3, raisedAt, "PH", "CN");
        ReferralId asean = ReferralId.random();
        ReferralId sco = ReferralId.random();
        append(crisis, new CrisisReferredToOrganization(crisis, asean, Organization.ASEAN, "de-escalate"),
                raisedAt.plusSeconds(600));
        append(crisis, new ReferralAccepted(crisis, asean, Organization.ASEAN), raisedAt.plusSeconds(1200));
        append(crisis, new MinilateralInvolvementRecorded(crisis, MinilateralBloc.QUAD, "patrol nearby"),
                raisedAt.plusSeconds(1800));
        append(crisis, new CrisisEscalated(crisis, Severity.of(3), Severity.of(4), "shots fired"),
                raisedAt.plusSeconds(2400));
        append(crisis, new ReferralOutcomeReported(crisis, asean, Organization.ASEAN, "misunderstanding",
                "hotline"), raisedAt.plusSeconds(3000));
        append(crisis, new CrisisReferredToOrganization(crisis, sco, Organization.SCO, "mediate"),
                raisedAt.plusSeconds(3600));
        Instant lastActivity = raisedAt.plusSeconds(4200);
        append(crisis, new ReferralDeclined(crisis, sco, Organization.SCO, "no consensus"), lastActivity);

        JsonNode view = awaitVersion(crisis, 7).json();

        assertThat(view.get("crisisId").asText()).isEqualTo(crisis.toString());
        assertThat(view.get("title").asText()).isEqualTo("Crisis " + crisis);
        assertThat(view.get("hotspot").asText()).isEqualTo(hotspot);
        assertThat(view.get("topic").asText()).isEqualTo("MARITIME_SECURITY");
        assertThat(view.get("tier").asInt()).isEqualTo(2);
        assertThat(view.get("severity").asInt()).isEqualTo(4);
        assertThat(view.get("status").asText()).isEqualTo("COORDINATING");
        assertThat(texts(view.get("involvedStates"))).containsExactly("PH", "CN");
        assertThat(view.get("summary").asText()).isEqualTo("what happened");
        assertThat(view.get("agenda").get("onAgendaAtRaise").asBoolean()).isFalse();
        assertThat(view.get("agenda").get("onAgendaNow").asBoolean()).isFalse();
        assertThat(view.get("agenda").get("outsideAgreedAgenda").asBoolean()).isTrue();
        assertThat(Instant.parse(view.get("raisedAt").asText())).isEqualTo(raisedAt);
        assertThat(Duration.parse(view.get("age").asText()))
                .isBetween(Duration.ofHours(3), Duration.ofHours(3).plusMinutes(1));
        assertThat(Instant.parse(view.get("lastActivityAt").asText())).isEqualTo(lastActivity);
        assertThat(view.get("version").asLong()).isEqualTo(7);
        assertThat(view.get("resolvedAt").isNull()).isTrue();
        assertThat(view.get("resolution").isNull()).isTrue();

        JsonNode power = view.get("powerTrack");
        assertThat(power.get("engaged").asBoolean()).isFalse();
        assertThat(power.get("channelId").isNull()).isTrue();
        assertThat(power.get("acknowledged").asInt()).isZero();
        assertThat(power.get("participants").asInt()).isZero();
        assertThat(power.get("jointStatement").asText()).isEqualTo("NONE");

        JsonNode mechanism = view.get("mechanismTrack");
        assertThat(mechanism.get("engaged").asBoolean()).isTrue();
        JsonNode referrals = mechanism.get("referrals");
        assertThat(referrals).hasSize(2);
        JsonNode first = referrals.get(0);
        assertThat(first.get("referralId").asText()).isEqualTo(asean.toString());
        assertThat(first.get("organization").asText()).isEqualTo("ASEAN");
        assertThat(first.get("status").asText()).isEqualTo("OUTCOME_REPORTED");
        assertThat(first.get("mandate").asText()).isEqualTo("de-escalate");
        assertThat(Instant.parse(first.get("referredAt").asText())).isEqualTo(raisedAt.plusSeconds(600));
        assertThat(Instant.parse(first.get("answeredAt").asText())).isEqualTo(raisedAt.plusSeconds(1200));
        assertThat(first.get("findings").asText()).isEqualTo("misunderstanding");
        assertThat(first.get("recommendation").asText()).isEqualTo("hotline");
        assertThat(Instant.parse(first.get("reportedAt").asText())).isEqualTo(raisedAt.plusSeconds(3000));
        assertThat(first.get("declineReason").isNull()).isTrue();
        JsonNode second = referrals.get(1);
        assertThat(second.get("referralId").asText()).isEqualTo(sco.toString());
        assertThat(second.get("organization").asText()).isEqualTo("SCO");
        assertThat(second.get("status").asText()).isEqualTo("DECLINED");
        assertThat(second.get("declineReason").asText()).isEqualTo("no consensus");
        assertThat(Instant.parse(second.get("answeredAt").asText())).isEqualTo(lastActivity);

        assertThat(view.get("dualTrack").asBoolean()).isFalse();
        JsonNode involvements = view.get("minilateralInvolvements");
        assertThat(involvements).hasSize(1);
        assertThat(involvements.get(0).get("bloc").asText()).isEqualTo("QUAD");
        assertThat(involvements.get(0).get("description").asText()).isEqualTo("patrol nearby");
        assertThat(Instant.parse(involvements.get(0).get("recordedAt").asText())).isEqualTo(raisedAt.plusSeconds(1800));
    }

    @Test
    void aRaisedCrisisHasNeitherTrackEngaged() {
        CrisisId crisis = raise(SecurityTopic.DISASTER_RELIEF, 2, now(), "ID");

        JsonNode view = awaitVersion(crisis, 0).json();

        assertThat(view.get("status").asText()).isEqualTo("RAISED");
        assertThat(view.get("mechanismTrack").get("engaged").asBoolean()).isFalse();
        assertThat(view.get("mechanismTrack").get("referrals")).isEmpty();
        assertThat(view.get("powerTrack").get("engaged").asBoolean()).isFalse();
        assertThat(view.get("minilateralInvolvements")).isEmpty();
        assertThat(view.get("dualTrack").asBoolean()).isFalse();
        assertThat(view.get("raisedAt").asText()).isEqualTo(view.get("lastActivityAt").asText());
    }

    @Test
    void aCrisisWhoseOnlyReferralWasDeclinedHasNoEngagedMechanismTrack() {
        CrisisId crisis = raise(SecurityTopic.PUBLIC_HEALTH, 2, now(), "LK");
        ReferralId referral = ReferralId.random();
        append(crisis, new CrisisReferredToOrganization(crisis, referral, Organization.SAARC, "assist"), now());
        append(crisis, new ReferralDeclined(crisis, referral, Organization.SAARC, "no capacity"), now());

        JsonNode view = awaitVersion(crisis, 2).json();

        assertThat(view.get("status").asText()).isEqualTo("COORDINATING");
        assertThat(view.get("mechanismTrack").get("engaged").asBoolean()).isFalse();
        assertThat(view.get("mechanismTrack").get("referrals").get(0).get("status").asText()).isEqualTo("DECLINED");
    }

    @Test
    void showsAResolvedCrisisWithItsResolution() {
        Instant at = now();
        CrisisId crisis = raise(SecurityTopic.COUNTER_PIRACY, 2, at, "SO");
        append(crisis, new CrisisResolved(crisis, "crew released"), at.plusSeconds(60));

        JsonNode view = awaitVersion(crisis, 1).json();

        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.get("resolution").asText()).isEqualTo("crew released");
        assertThat(Instant.parse(view.get("resolvedAt").asText())).isEqualTo(at.plusSeconds(60));
        assertThat(Instant.parse(view.get("lastActivityAt").asText())).isEqualTo(at.plusSeconds(60));
    }

    @Test
    void answersTheAggregateVersionAsETagAndTheWholeViewEvenForAnIfNoneMatchOfIt() {
        CrisisId crisis = raise(SecurityTopic.CYBER_SECURITY, 2, now(), "SG");
        append(crisis, new CrisisEscalated(crisis, Severity.of(2), Severity.of(3), "ransomware"), now());
        Api.Answer current = awaitVersion(crisis, 1);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");

        // the version names the aggregate, not the view (which other aggregates change too): no 304
        Api.Answer same = api.get("/api/crises/" + crisis).header("If-None-Match", "\"1\"").send();
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(1);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");

        Api.Answer changed = api.get("/api/crises/" + crisis).header("If-None-Match", "\"0\"").send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownCrisisIsANotFoundProblem() {
        String path = "/api/crises/" + UUID.randomUUID();

        Api.Answer answer = api.get(path).header("X-Correlation-Id", "board-404-check").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.text("title")).isNotBlank();
        assertThat(answer.text("detail")).contains(path.substring("/api/crises/".length()));
        assertThat(answer.text("instance")).isEqualTo(path);
        assertThat(answer.text("correlationId")).isEqualTo("board-404-check");
        assertThat(answer.header("X-Correlation-Id")).isEqualTo("board-404-check");
    }

    @Test
    void aMalformedCrisisIdIsAnInvalidRequestNamingIt() {
        Api.Answer answer = api.get("/api/crises/not-a-uuid").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(fields(answer)).containsExactly("crisisId");
    }

    @Test
    void filtersByStatus() {
        Three crises = threeCrises();

        assertThat(mine(ids("status=RAISED"))).containsExactly(crises.raised());
        assertThat(mine(ids("status=COORDINATING"))).containsExactly(crises.coordinating());
        assertThat(mine(ids("status=RESOLVED"))).containsExactly(crises.resolved());
        assertThat(items("status=COORDINATING&size=200"))
                .allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("COORDINATING"));
    }

    @Test
    void filtersByMinimumSeverity() {
        Three crises = threeCrises();

        assertThat(mine(ids("minSeverity=4"))).containsExactlyInAnyOrder(crises.coordinating(), crises.resolved());
        assertThat(mine(ids("minSeverity=5"))).containsExactly(crises.resolved());
        assertThat(mine(ids("minSeverity=1"))).hasSize(3);
        assertThat(items("minSeverity=4&size=200"))
                .allSatisfy(item -> assertThat(item.get("severity").asInt()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void filtersByTopic() {
        Three crises = threeCrises();

        assertThat(mine(ids("topic=DISASTER_RELIEF"))).containsExactlyInAnyOrder(crises.raised(), crises.resolved());
        assertThat(mine(ids("topic=MARITIME_SECURITY"))).containsExactly(crises.coordinating());
        assertThat(mine(ids("topic=NUCLEAR_SAFETY"))).isEmpty();
    }

    @Test
    void filtersByAnOrganizationTheCrisisWasReferredTo() {
        Three crises = threeCrises();

        assertThat(mine(ids("organization=ASEAN"))).containsExactly(crises.coordinating());
        assertThat(mine(ids("organization=SCO"))).containsExactly(crises.resolved());
        assertThat(mine(ids("organization=SAARC"))).isEmpty();
        assertThat(items("organization=SCO&size=200")).allSatisfy(item -> assertThat(
                texts(item.get("mechanismTrack").get("referrals"), "organization")).contains("SCO"));
    }

    @Test
    void filtersByAnInvolvedState() {
        Three crises = threeCrises();

        assertThat(mine(ids("state=VN"))).containsExactly(crises.coordinating());
        assertThat(mine(ids("state=PH"))).containsExactly(crises.coordinating());
        assertThat(mine(ids("state=KZ"))).containsExactly(crises.resolved());
        assertThat(mine(ids("state=FR"))).isEmpty();
        assertThat(items("state=VN&size=200"))
                .allSatisfy(item -> assertThat(texts(item.get("involvedStates"))).contains("VN"));
    }

    @Test
    void combinesFiltersSoThatACrisisMustMatchEveryOne() {
        Three crises = threeCrises();

        assertThat(mine(ids("status=COORDINATING&minSeverity=4&topic=MARITIME_SECURITY&organization=ASEAN&state=PH")))
                .containsExactly(crises.coordinating());
        assertThat(mine(ids("topic=DISASTER_RELIEF&minSeverity=5"))).containsExactly(crises.resolved());
        assertThat(mine(ids("topic=DISASTER_RELIEF&status=RAISED&state=TH"))).containsExactly(crises.raised());
        assertThat(mine(ids("status=RAISED&topic=MARITIME_SECURITY"))).isEmpty();
        assertThat(mine(ids("organization=ASEAN&state=KZ"))).isEmpty();
    }

    @Test
    void pagesNewestActivityFirst() {
        // the only crises of the suite whose activity lies in the future: the newest of the board
        Instant future = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        List<CrisisId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oldestFirst.add(raise(SecurityTopic.NON_PROLIFERATION, 3, future.plusSeconds(60L * i), "BT"));
        }
        oldestFirst.forEach(crisis -> awaitVersion(crisis, 0));
        String filter = "state=BT&topic=NON_PROLIFERATION";

        Api.Answer first = list(filter + "&page=0&size=2");
        Api.Answer second = list(filter + "&page=1&size=2");
        Api.Answer third = list(filter + "&page=2&size=2");

        assertThat(first.json().get("page").asInt()).isZero();
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        assertThat(first.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(second.json().get("page").asInt()).isEqualTo(1);
        assertThat(second.json().get("totalItems")).isEqualTo(first.json().get("totalItems"));
        assertThat(idsOf(first)).containsExactly(oldestFirst.get(4).toString(), oldestFirst.get(3).toString());
        assertThat(idsOf(second)).containsExactly(oldestFirst.get(2).toString(), oldestFirst.get(1).toString());
        assertThat(idsOf(third).get(0)).isEqualTo(oldestFirst.get(0).toString());
    }

    @Test
    void walksAllPagesWithoutDuplicatesAndInOrderOfActivity() {
        threeCrises();
        // no row may change while we walk: nothing of an earlier test may still be on its way
        CaughtUp.await(progress, jdbc);
        List<JsonNode> all = new ArrayList<>();
        long total = -1;
        for (int page = 0; ; page++) {
            Api.Answer answer = list("size=7&page=" + page);
            total = answer.json().get("totalItems").asLong();
            List<JsonNode> items = StreamSupport.stream(answer.json().get("items").spliterator(), false).toList();
            assertThat(items).hasSizeLessThanOrEqualTo(7);
            if (items.isEmpty()) {
                break;
            }
            all.addAll(items);
        }

        assertThat(all).hasSize((int) total);
        assertThat(all.stream().map(item -> item.get("crisisId").asText())).doesNotHaveDuplicates();
        assertThat(all.stream().map(item -> Instant.parse(item.get("lastActivityAt").asText())).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pagesHoldTwentyCrisesUnlessToldOtherwise() {
        for (int i = 0; i < 21; i++) {
            raise(SecurityTopic.MARITIME_SEARCH_AND_RESCUE, 1, now(), "FJ");
        }
        await().atMost(PROJECTED).until(() -> mine(ids("state=FJ")).size() == 21);

        Api.Answer answer = list("");

        assertThat(answer.json().get("page").asInt()).isZero();
        assertThat(answer.json().get("size").asInt()).isEqualTo(20);
        assertThat(answer.json().get("items")).hasSize(20);
        assertThat(answer.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(21);
        assertThat(list("size=200").json().get("items").size()).isLessThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}={1} is refused, naming {0}")
    @CsvSource({
            "status, OPEN", "status, raised", "topic, FISHING", "organization, NATO", "state, XX", "state, ph",
            "minSeverity, 0", "minSeverity, 6", "minSeverity, high", "size, 0", "size, 201", "size, -1",
            "page, -1"})
    void refusesAnInvalidParameterNamingIt(String parameter, String value) {
        Api.Answer answer = api.get("/api/crises?" + parameter + "=" + value).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(fields(answer)).containsExactly(parameter);
    }

    @Test
    void namesEveryInvalidParameterInOneAnswer() {
        Api.Answer answer = api.get("/api/crises?status=OPEN&topic=FISHING&organization=NATO&state=XX&minSeverity=9"
                + "&size=500").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("status", "topic", "organization", "state",
                "minSeverity", "size");
    }

    // --- the three crises of the filter tests ---------------------------------------------------

    private record Three(String raised, String coordinating, String resolved) {
    }

    /** RAISED: TH, disaster relief, severity 2. COORDINATING: PH VN, maritime security, 4, referred to ASEAN.
     * RESOLVED: KZ, disaster relief, 5, referred to SCO. */
    private Three threeCrises() {
        CrisisId raised = raise(SecurityTopic.DISASTER_RELIEF, 2, now(), "TH");
        CrisisId coordinating = raise(SecurityTopic.MARITIME_SECURITY, 3, now(), "PH", "VN");
        append(coordinating, new CrisisReferredToOrganization(coordinating, ReferralId.random(), Organization.ASEAN,
                "talks"), now());
        append(coordinating, new CrisisEscalated(coordinating, Severity.of(3), Severity.of(4), "blockade"), now());
        CrisisId resolved = raise(SecurityTopic.DISASTER_RELIEF, 5, now(), "KZ");
        ReferralId referral = ReferralId.random();
        append(resolved, new CrisisReferredToOrganization(resolved, referral, Organization.SCO, "relief"), now());
        append(resolved, new ReferralAccepted(resolved, referral, Organization.SCO), now());
        append(resolved, new ReferralOutcomeReported(resolved, referral, Organization.SCO, "done", "none"), now());
        append(resolved, new CrisisResolved(resolved, "rebuilt"), now());
        awaitVersion(raised, 0);
        awaitVersion(coordinating, 2);
        awaitVersion(resolved, 4);
        return new Three(raised.toString(), coordinating.toString(), resolved.toString());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private CrisisId raise(SecurityTopic topic, int severity, Instant at, String... states) {
        CrisisId crisis = CrisisId.random();
        append(crisis, new RegionalCrisisRaised(crisis, "Crisis " + crisis, hotspot, topic, Severity.of(severity),
                Arrays.stream(states).map(StateCode::of).toList(), "what happened"), at);
        return crisis;
    }

    /** Appends as the command service does, announcing the append so that the board need not wait for a poll. */
    private void append(CrisisId crisis, Object event, Instant at) {
        events.notifying().append(CRISIS, crisis.toString(), event, at, Caller.of("delegate@secretariat", null));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Api.Answer awaitVersion(CrisisId crisis, long version) {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(PROJECTED)
                .until(() -> api.get("/api/crises/" + crisis).send(),
                        answer -> answer.status() == 200 && answer.json().get("version").asLong() == version);
    }

    private Api.Answer list(String query) {
        Api.Answer answer = api.get("/api/crises?" + query).send();
        assertThat(answer.status()).as("GET /api/crises?%s", query).isEqualTo(200);
        return answer;
    }

    private List<JsonNode> items(String query) {
        return StreamSupport.stream(list(query).json().get("items").spliterator(), false).toList();
    }

    /** The ids of every crisis the filter matches, across all its pages, in the board's order. */
    private List<String> ids(String filter) {
        CaughtUp.await(progress, jdbc);
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Answer answer = list(filter + "&size=200&page=" + page);
            List<String> onPage = idsOf(answer);
            if (onPage.isEmpty()) {
                assertThat(answer.json().get("totalItems").asLong()).isEqualTo(ids.size());
                return ids;
            }
            ids.addAll(onPage);
        }
    }

    /** Of these crises, those this test made. */
    private List<String> mine(List<String> crisisIds) {
        Set<String> ours = new HashSet<>(jdbc.queryForList(
                "select crisis_id::text from read_model.crisis where hotspot = ?", String.class, hotspot));
        return crisisIds.stream().filter(ours::contains).toList();
    }

    private static List<String> idsOf(Api.Answer answer) {
        return texts(answer.json().get("items"), "crisisId");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asText()).toList();
    }

    private static List<String> fields(Api.Answer answer) {
        return texts(answer.json().get("errors"), "field");
    }
}
