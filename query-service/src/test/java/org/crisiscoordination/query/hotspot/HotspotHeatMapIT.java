package org.crisiscoordination.query.hotspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.audit.ConsistencyToken;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisDeescalated;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisReferredToOrganization;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/hotspots} over the running service: one hotspot with two maritime crises (one
 * escalated, referred, convened and resolved; one still open) and a disaster-relief crisis, read
 * as the two cells of that hotspot. The shared store holds other tests' hotspots, so every read
 * names this test's own.
 */
class HotspotHeatMapIT extends QueryServiceIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private String hotspot;
    private long last;

    @BeforeEach
    void aHotspotWithThreeCrises() {
        hotspot = "Shoal " + UUID.randomUUID();
        History history = new History(events.notifying());
        CrisisId standoff = raise(history, SecurityTopic.MARITIME_SECURITY, 3, NOW.minus(Duration.ofDays(10)));
        history.crisis(standoff, new CrisisEscalated(standoff, Severity.of(3), Severity.of(5), "Shots fired"), NOW);
        history.crisis(standoff, new CrisisDeescalated(standoff, Severity.of(5), Severity.of(2), "Talks"), NOW);
        refer(history, standoff, Organization.ASEAN);
        refer(history, standoff, Organization.SCO);
        history.crisis(standoff, new PowerTrackOpened(standoff, ChannelId.random()), NOW);
        history.crisis(standoff, new CrisisResolved(standoff, "Agreed"), NOW.minus(Duration.ofDays(4)));
        CrisisId blockade = raise(history, SecurityTopic.MARITIME_SECURITY, 2, NOW.minus(Duration.ofDays(2)));
        refer(history, blockade, Organization.ASEAN);
        raise(history, SecurityTopic.DISASTER_RELIEF, 1, NOW);
        last = history.last();
    }

    @Test
    void countsEachTopicOfAHotspotAsOneCell() {
        Api.Answer answer = read("hotspot=" + encoded(hotspot));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("totalItems").asLong()).isEqualTo(2);
        JsonNode maritime = answer.json().get("items").get(0);
        assertThat(maritime.get("hotspot").asText()).isEqualTo(hotspot);
        assertThat(maritime.get("topic").asText()).isEqualTo("MARITIME_SECURITY");
        assertThat(maritime.get("crises").asLong()).isEqualTo(2);
        assertThat(maritime.get("openCrises").asLong()).isEqualTo(1);
        assertThat(maritime.get("peakSeverity").asInt()).isEqualTo(5);
        assertThat(maritime.get("channelsConvened").asLong()).isEqualTo(1);
        assertThat(maritime.get("referrals").toString()).isEqualTo("{\"ASEAN\":2,\"SCO\":1,\"SAARC\":0,\"EAS\":0,\"CICA\":0}");
        // resolved after 6 days, plus the open one's 2 days so far
        assertThat(maritime.get("daysOpen").asDouble()).isCloseTo(8.0, within(0.1));
        JsonNode relief = answer.json().get("items").get(1);
        assertThat(relief.get("topic").asText()).isEqualTo("DISASTER_RELIEF");
        assertThat(relief.get("crises").asLong()).isEqualTo(1);
        assertThat(relief.get("peakSeverity").asInt()).isEqualTo(1);
        assertThat(relief.get("daysOpen").asDouble()).isCloseTo(0.0, within(0.1));
    }

    @Test
    void filtersCellsByTopicPeakSeverityAndOrganisation() {
        assertThat(topics(read("hotspot=" + encoded(hotspot) + "&topic=DISASTER_RELIEF"))).containsExactly("DISASTER_RELIEF");
        assertThat(topics(read("hotspot=" + encoded(hotspot) + "&minSeverity=4"))).containsExactly("MARITIME_SECURITY");
        assertThat(topics(read("hotspot=" + encoded(hotspot) + "&organization=SCO"))).containsExactly("MARITIME_SECURITY");
        assertThat(topics(read("hotspot=" + encoded(hotspot) + "&organization=SAARC"))).isEmpty();
    }

    @Test
    void pagesLikeEveryOtherList() {
        JsonNode second = read("hotspot=" + encoded(hotspot) + "&page=1&size=1").json();

        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(1);
        assertThat(second.get("totalItems").asLong()).isEqualTo(2);
        assertThat(topics(second)).containsExactly("DISASTER_RELIEF");
    }

    @Test
    void badFiltersAre400NamingEachField() {
        Api.Answer answer = read("topic=WEATHER&minSeverity=9&organization=NATO&size=0&hotspot=" + encoded("a\u0007b"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("topic", "minSeverity", "organization", "size", "hotspot");
    }

    private Api.Answer read(String query) {
        // the token makes the read wait until the heat map holds every event this test appended
        return api.get("/api/hotspots?" + query).header("X-Consistency-Token", new ConsistencyToken(last).encode())
                .send();
    }

    private static List<String> topics(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return topics(answer.json());
    }

    private static List<String> topics(JsonNode page) {
        List<String> topics = new ArrayList<>();
        page.get("items").forEach(item -> topics.add(item.get("topic").asText()));
        return topics;
    }

    private CrisisId raise(History history, SecurityTopic topic, int severity, Instant at) {
        CrisisId crisis = CrisisId.random();
        history.crisis(crisis, new RegionalCrisisRaised(crisis, "Crisis " + crisis, hotspot, topic, Severity.of(severity),
                List.of(StateCode.of("PH")), "what happened"), at);
        return crisis;
    }

    private static void refer(History history, CrisisId crisis, Organization organization) {
        history.crisis(crisis, new CrisisReferredToOrganization(crisis, ReferralId.random(), organization, "Mediate"),
                NOW);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
