package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.CrisisResolved;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crisis and its channel as they stood at a past position or time ({@code asOf}): rebuilt by the
 * projections' own handlers from the events up to there, in a transaction that leaves the live read
 * models as they are.
 */
class CrisisAsOfIT extends QueryServiceIT {

    @Test
    void aCrisisAsOfBeforeAndAfterItsResolution() {
        History history = new History(events);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        CrisisId crisis = history.raise(SecurityTopic.DISASTER_RELIEF, start, "PH", "VN");
        long raised = history.last();
        history.crisis(crisis, new CrisisEscalated(crisis, Severity.of(3), Severity.of(5), "worse"), start.plusSeconds(60));
        long escalated = history.last();
        ChannelId channel = history.convene(crisis, start.plusSeconds(120), Duration.ofHours(1), MajorPower.CN, MajorPower.US);
        history.channel(channel, new PositionStatementSubmitted(channel, MajorPower.CN, "Calm"), start.plusSeconds(150));
        long stated = history.last();
        history.crisis(crisis, new CrisisResolved(crisis, "Settled"), start.plusSeconds(180));
        long resolved = history.last();
        await().atMost(Duration.ofSeconds(10)).until(() -> "RESOLVED".equals(read("/api/crises/" + crisis).text("status")));

        Api.Answer beforeResolution = read("/api/crises/" + crisis + "?asOf=" + (resolved - 1));
        assertThat(beforeResolution.status()).isEqualTo(200);
        assertThat(beforeResolution.text("status")).isEqualTo("COORDINATING");
        assertThat(beforeResolution.json().get("resolution").isNull()).isTrue();
        assertThat(beforeResolution.header("ETag")).as("a past version is nothing to write against").isNull();
        assertThat(read("/api/crises/" + crisis + "?asOf=" + resolved).text("status")).isEqualTo("RESOLVED");

        Api.Answer asRaised = read("/api/crises/" + crisis + "?asOf=" + raised);
        assertThat(asRaised.text("status")).isEqualTo("RAISED");
        assertThat(asRaised.json().get("severity").asInt()).isEqualTo(3);
        assertThat(asRaised.json().at("/powerTrack/engaged").asBoolean()).isFalse();
        // a time is read as the position of the last event stored by then
        Api.Answer atTime = read("/api/crises/" + crisis + "?asOf=" + start.plusSeconds(90));
        assertThat(atTime.json().get("severity").asInt()).isEqualTo(5);
        assertThat(atTime.json().get("version").asLong()).isEqualTo(1);
        assertThat(read("/api/crises/" + crisis + "?asOf=" + (escalated - 1)).status())
                .as("before it was raised").isIn(200, 404);
        assertThat(read("/api/crises/" + crisis + "?asOf=" + start.minusSeconds(1)).status()).isEqualTo(404);

        Api.Answer channelBefore = read("/api/channels/" + channel + "?asOf=" + (stated - 1));
        assertThat(channelBefore.json().get("statements")).isEmpty();
        assertThat(read("/api/channels/" + channel + "?asOf=" + stated).json().get("statements")).hasSize(1);
        assertThat(read("/api/channels/" + channel + "?asOf=" + resolved).text("status")).isEqualTo("OPEN");

        // the live read models are untouched by any of it
        assertThat(read("/api/crises/" + crisis).text("status")).isEqualTo("RESOLVED");
        assertThat(read("/api/crises/" + crisis).json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void theBoardFiltersByTheTracksACrisisIsEngagedOn() {
        History history = new History(events);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CrisisId untracked = history.raise(SecurityTopic.PUBLIC_HEALTH, now, "TL");
        CrisisId powerOnly = history.raise(SecurityTopic.PUBLIC_HEALTH, now, "TL");
        history.convene(powerOnly, now, Duration.ofHours(1), MajorPower.CN, MajorPower.US);
        await().atMost(Duration.ofSeconds(10)).until(() -> read("/api/crises/" + powerOnly).json()
                .at("/powerTrack/engaged").asBoolean());

        String power = read("/api/crises?state=TL&size=200&track=POWER").raw().body();
        assertThat(power).contains(powerOnly.toString()).doesNotContain(untracked.toString());
        String none = read("/api/crises?state=TL&size=200&track=NONE").raw().body();
        assertThat(none).contains(untracked.toString()).doesNotContain(powerOnly.toString());
        assertThat(read("/api/crises?state=TL&size=200&track=BOTH").raw().body())
                .doesNotContain(untracked.toString(), powerOnly.toString());
        assertThat(read("/api/crises?track=ROAD").status()).isEqualTo(400);
    }

    @Test
    void anAsOfThatIsNeitherAPositionNorATimeIsABadRequest() {
        for (String asOf : new String[]{"-1", "yesterday", "2026-12-03T10:00:00"}) {
            Api.Answer answer = read("/api/crises/" + CrisisId.random() + "?asOf=" + asOf);
            assertThat(answer.status()).as(asOf).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.raw().body()).contains("asOf");
        }
    }

    private Api.Answer read(String path) {
        return api.get(path).as(TestCaller.reader()).send();
    }
}
