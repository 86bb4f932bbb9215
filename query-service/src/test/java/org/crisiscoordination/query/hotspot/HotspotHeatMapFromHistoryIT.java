package org.crisiscoordination.query.hotspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.kernel.channel.ChannelId;
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
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventStoreDatabase;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The heat map deployed against a store that already holds history: the events below are
 * appended, and the read models migrated as the release before the heat map left them (no heat
 * map table), before this context starts. Its processor, new to the store, starts at the first
 * event, so the first heat map it serves holds all of them; a processor that started at the head
 * would serve an empty one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotspotHeatMapFromHistoryIT {

    private static final TestDatabase.Database DATABASE = EventStoreDatabase.fresh();
    private static final MigrationVersion THE_HEAT_MAPS = MigrationVersion.fromVersion("10");
    private static final String HOTSPOT = "Scarborough Shoal";

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void historyWrittenBeforeTheHeatMapExisted(DynamicPropertyRegistry registry) {
        FluentConfiguration readModels = Flyway.configure()
                .dataSource(DATABASE.url(), DATABASE.user(), DATABASE.password())
                .schemas("read_model").defaultSchema("read_model").locations("classpath:db/migration");
        MigrationVersion before = Arrays.stream(readModels.load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(THE_HEAT_MAPS) < 0).max(Comparator.naturalOrder()).orElseThrow();
        readModels.target(before).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(DATABASE.url(), DATABASE.user(),
                DATABASE.password() == null ? "" : DATABASE.password()));
        assertThat(jdbc.queryForObject("select to_regclass('read_model.hotspot_crisis') is null", Boolean.class))
                .as("the store predates the heat map").isTrue();
        History history = new History(new EventAppender(jdbc));
        Instant then = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            CrisisId crisis = CrisisId.random();
            history.crisis(crisis, new RegionalCrisisRaised(crisis, "Standoff " + i, HOTSPOT,
                    SecurityTopic.MARITIME_SECURITY, Severity.of(2), List.of(StateCode.of("PH")), "Vessels massed"), then);
            history.crisis(crisis, new CrisisReferredToOrganization(crisis, ReferralId.random(), Organization.ASEAN,
                    "Mediate"), then);
            if (i == 0) {
                history.crisis(crisis, new CrisisEscalated(crisis, Severity.of(2), Severity.of(4), "Collision"), then);
                history.crisis(crisis, new PowerTrackOpened(crisis, ChannelId.random()), then);
                history.crisis(crisis, new CrisisResolved(crisis, "Withdrawn"), then.plus(Duration.ofDays(1)));
            }
        }
        EventStoreDatabase.serve(DATABASE, registry);
    }

    @Test
    void servesTheWholeHistoryOnItsFirstStart() {
        Api api = new Api("http://localhost:" + port);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Answer answer = api.get("/api/hotspots?hotspot=Scarborough%20Shoal").send();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("totalItems").asLong()).isEqualTo(1);
            JsonNode cell = answer.json().get("items").get(0);
            assertThat(cell.get("crises").asLong()).isEqualTo(3);
            assertThat(cell.get("openCrises").asLong()).isEqualTo(2);
            assertThat(cell.get("peakSeverity").asInt()).isEqualTo(4);
            assertThat(cell.get("channelsConvened").asLong()).isEqualTo(1);
            assertThat(cell.get("referrals").get("ASEAN").asLong()).isEqualTo(3);
        });
    }
}
