package org.crisiscoordination.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestTokens;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;

/**
 * Every event stores who acted (the token's issuer and subject), for whom (the token's party), by which command, in which conversation and caused by
 * what, and its link in the aggregate's hash chain.
 */
class EventMetadataIT extends CommandServiceIT {

    private static final String GENESIS = "0".repeat(64);

    private StoredEvents events;

    @BeforeEach
    void readStore() {
        events = new StoredEvents(jdbc);
    }

    @Test
    void anEventStoresTheActorThePartyActedForAndTheCorrelationIdSent() {
        TestCaller officer = TestCaller.secretariat().withSubject("officer").representing("PH");
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).as(officer)
                .header("X-Correlation-Id", "reef-2024-06-17").send();

        assertThat(answer.header("X-Correlation-Id")).isEqualTo("reef-2024-06-17");
        StoredEvent raised = events.last(answer.text("id"));
        assertThat(raised.meta("actor")).as("the token's issuer and subject").isEqualTo(TestTokens.ISSUER + "#officer");
        assertThat(raised.meta("onBehalfOf")).isEqualTo("PH");
        assertThat(raised.meta("correlationId")).isEqualTo("reef-2024-06-17");
        assertThat(raised.meta("commandId")).isNotBlank();
        assertThat(raised.meta("causationId")).isEqualTo(raised.meta("commandId"));
        assertThat(raised.meta("previousHash")).isEqualTo(GENESIS);
        assertThat(raised.meta("hash")).matches("[0-9a-f]{64}").isNotEqualTo(GENESIS);
    }

    @Test
    void aPartyActedForMayBeAMajorPowerOrAnOrganization() {
        String crisisId = Crises.raise(api);

        api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement("QUAD"))
                .as(TestCaller.secretariat().representing("ASEAN")).send();
        api.post(path(crisisId, "/escalations"), Crises.severity(4))
                .as(TestCaller.secretariat().representing("SCO")).send();

        assertThat(events.of(crisisId)).extracting(e -> e.meta("onBehalfOf")).containsExactly(null, "ASEAN", "SCO");
    }

    @Test
    void withoutACorrelationIdTheGeneratedOneIsEchoedAndStored() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).as(TestCaller.secretariat().withSubject("desk")).send();

        String generated = answer.header("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        StoredEvent raised = events.last(answer.text("id"));
        assertThat(raised.meta("correlationId")).isEqualTo(generated);
        assertThat(raised.meta("actor")).isEqualTo(TestTokens.ISSUER + "#desk");
        assertThat(raised.metaData().has("onBehalfOf")).isFalse();
    }

    @Test
    void everyWriteIsItsOwnCommandWhileACorrelationIdMayJoinSeveral() {
        String crisisId = Crises.raise(api);
        for (String bloc : List.of("QUAD", "AUKUS", "US_JP_KR")) {
            api.post(path(crisisId, "/minilateral-involvements"), Crises.involvement(bloc))
                    .header("X-Correlation-Id", "one-conversation").send();
        }

        List<StoredEvent> recorded = events.of(crisisId).subList(1, 4);

        assertThat(recorded).extracting(e -> e.meta("correlationId")).containsOnly("one-conversation");
        assertThat(recorded).extracting(e -> e.meta("commandId")).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(recorded).allSatisfy(e -> assertThat(e.meta("causationId")).isEqualTo(e.meta("commandId")));
    }

    @Test
    void everyEventOfEveryEndpointCarriesTheFullAuditMetadata() {
        String crisisId = writeACrisisWholeCourse();

        List<StoredEvent> stored = events.of(crisisId);

        assertThat(stored).hasSize(10);
        assertThat(stored).extracting(e -> e.meta("actor")).containsExactly(MEDIATOR.actor(), MEDIATOR.actor(),
                MEDIATOR.actor(), MEDIATOR.actor(), MEDIATOR.actor(), ASEAN.actor(), ASEAN.actor(), MEDIATOR.actor(),
                SCO.actor(), MEDIATOR.actor());
        assertThat(stored).extracting(e -> e.meta("onBehalfOf"))
                .containsExactly(null, null, null, null, null, "ASEAN", "ASEAN", null, "SCO", null);
        assertThat(stored).allSatisfy(event -> {
            assertThat(event.meta("commandId")).isNotBlank();
            assertThat(event.meta("correlationId")).isEqualTo("course-" + crisisId);
            assertThat(event.meta("causationId")).isEqualTo(event.meta("commandId"));
            assertThat(event.meta("previousHash")).matches("[0-9a-f]{64}");
            assertThat(event.meta("hash")).matches("[0-9a-f]{64}");
            List<String> keys = new java.util.ArrayList<>();
            event.metaData().fieldNames().forEachRemaining(keys::add);
            keys.remove("onBehalfOf");
            assertThat(keys).as("metadata keys: traceId stays free for tracing, If-Match stays on the command")
                    .containsExactlyInAnyOrder("actor", "commandId", "correlationId", "causationId",
                            "previousHash", "hash");
        });
    }

    @Test
    void theHashChainLinksEachEventToItsPredecessorFromSixtyFourZeros() {
        String crisisId = writeACrisisWholeCourse();

        List<StoredEvent> stored = events.of(crisisId);

        assertThat(stored.get(0).meta("previousHash")).isEqualTo(GENESIS);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).meta("previousHash")).as("previousHash of sequence %d", i)
                    .isEqualTo(stored.get(i - 1).meta("hash"));
        }
        assertThat(stored).extracting(e -> e.meta("hash")).doesNotHaveDuplicates();
    }

    @Test
    void everyStoredHashRecomputesFromWhatIsStored() {
        String crisisId = writeACrisisWholeCourse();

        for (StoredEvent event : events.of(crisisId)) {
            AuditRecord record = new AuditRecord(event.type(), event.aggregateId(), event.sequence(),
                    event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1), event.payload(),
                    event.timeStamp(), event.meta("actor"), event.meta("onBehalfOf"), event.meta("commandId"),
                    event.meta("correlationId"), event.meta("causationId"), event.payloadRevision());
            assertThat(HashChain.hash(event.meta("previousHash"), record)).as("hash of sequence %d", event.sequence())
                    .isEqualTo(event.meta("hash"));
        }
    }

    @Test
    void chainsOfDifferentCrisesAreIndependent() {
        String first = Crises.raise(api);
        String second = Crises.raise(api);
        api.post(path(second, "/escalations"), Crises.severity(4)).send();
        api.post(path(first, "/escalations"), Crises.severity(4)).send();

        assertThat(events.of(first).get(1).meta("previousHash")).isEqualTo(events.of(first).get(0).meta("hash"));
        assertThat(events.of(second).get(1).meta("previousHash")).isEqualTo(events.of(second).get(0).meta("hash"));
        assertThat(events.of(second).get(0).meta("previousHash")).isEqualTo(GENESIS);
    }

    private static final TestCaller MEDIATOR = TestCaller.secretariat().withSubject("mediator");
    private static final TestCaller ASEAN = TestCaller.liaison("ASEAN");
    private static final TestCaller SCO = TestCaller.liaison("SCO");

    /**
     * Raises a crisis and takes it through every endpoint: ten events in one conversation, by the
     * secretariat's mediator and the liaisons of the two organisations it is referred to.
     */
    private String writeACrisisWholeCourse() {
        String id = Crises.randomId();
        send("/api/crises", Crises.raiseWithId(id), id, MEDIATOR);
        send(path(id, "/escalations"), Crises.severity(5), id, MEDIATOR);
        send(path(id, "/de-escalations"), Crises.severity(4), id, MEDIATOR);
        send(path(id, "/minilateral-involvements"), Crises.involvement("QUAD"), id, MEDIATOR);
        String accepted = send(path(id, "/referrals"), Crises.referral("ASEAN"), id, MEDIATOR).path("referralId").asText();
        send(referralPath(id, accepted, "/acceptance"), "{}", id, ASEAN);
        send(referralPath(id, accepted, "/outcome"), Crises.OUTCOME, id, ASEAN);
        String declined = send(path(id, "/referrals"), Crises.referral("SCO"), id, MEDIATOR).path("referralId").asText();
        send(referralPath(id, declined, "/decline"), Crises.DECLINE, id, SCO);
        send(path(id, "/resolution"), Crises.RESOLUTION, id, MEDIATOR);
        return id;
    }

    private JsonNode send(String path, String body, String crisisId, TestCaller caller) {
        Api.Answer answer = api.post(path, body).as(caller).header("X-Correlation-Id", "course-" + crisisId).send();
        assertThat(answer.status()).as("%s: %s", path, answer.raw().body()).isIn(200, 201);
        assertThat(answer.header("X-Correlation-Id")).isEqualTo("course-" + crisisId);
        return answer.json();
    }
}
