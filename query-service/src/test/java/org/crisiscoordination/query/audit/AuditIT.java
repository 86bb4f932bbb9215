package org.crisiscoordination.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crisiscoordination.kernel.audit.AuditRecord;
import org.crisiscoordination.kernel.audit.HashChain;
import org.crisiscoordination.kernel.channel.AcknowledgementDeadline;
import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.MajorPowerChannelConvened;
import org.crisiscoordination.kernel.channel.PositionStatementSubmitted;
import org.crisiscoordination.kernel.crisis.CrisisEscalated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.PowerTrackOpened;
import org.crisiscoordination.kernel.crisis.RegionalCrisisRaised;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MajorPower;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.edge.store.EventStoreSchema;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.query.support.EventAppender;
import org.crisiscoordination.query.support.EventAppender.Appended;
import org.crisiscoordination.query.support.EventAppender.Caller;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit read side, served from the event store itself: timelines, the whole log, and
 * hash-chain verification of what is stored, also after the store was tampered with.
 */
class AuditIT extends QueryServiceIT {

    private static final String CRISIS = "Crisis";
    private static final String CHANNEL = "MajorPowerChannel";

    private EventAppender store;

    @BeforeEach
    void appender() {
        store = new EventAppender(jdbc);
    }

    // --- timelines -------------------------------------------------------------------------------

    @Test
    void aCrisisTimelineShowsItsOwnAndItsChannelsEventsOldestFirstWithEveryAuditField() {
        CrisisId crisis = CrisisId.random();
        ChannelId channel = ChannelId.random();
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Caller delegate = Caller.of("delegate@ph", "ASEAN");
        Caller convener = Caller.of("convener@secretariat", null);
        Appended raised = store.append(CRISIS, crisis.toString(), raised(crisis), t0, delegate);
        CrisisId other = CrisisId.random();
        store.append(CRISIS, other.toString(), raised(other), t0.plusSeconds(1), delegate);
        Appended opened = store.append(CRISIS, crisis.toString(), new PowerTrackOpened(crisis, channel),
                t0.plusSeconds(2), convener);
        Appended convened = store.append(CHANNEL, channel.toString(), new MajorPowerChannelConvened(channel, crisis,
                        List.of(MajorPower.CN, MajorPower.US, MajorPower.ASEAN), "de-escalation",
                        new AcknowledgementDeadline(Duration.ofHours(24), t0.plusSeconds(2).plus(Duration.ofHours(24)))),
                t0.plusSeconds(2),
                new Caller(convener.actor(), null, convener.commandId(), convener.correlationId(),
                        opened.record().commandId()));
        Appended statement = store.append(CHANNEL, channel.toString(), new PositionStatementSubmitted(channel,
                MajorPower.CN, "restraint"), t0.plusSeconds(3), Caller.of("envoy@cn", "CN"));
        Appended escalated = store.append(CRISIS, crisis.toString(), new CrisisEscalated(crisis, Severity.of(3),
                Severity.of(4), "collision"), t0.plusSeconds(4), delegate);

        Api.Answer answer = api.get("/api/crises/" + crisis + "/timeline").send();

        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> entries = list(answer.json().get("entries"));
        assertThat(entries).hasSize(5);
        List<Appended> expected = List.of(raised, opened, convened, statement, escalated);
        for (int i = 0; i < expected.size(); i++) {
            assertEntry(entries.get(i), expected.get(i));
        }
        assertThat(entries.get(0).get("previousHash").asText()).isEqualTo(HashChain.GENESIS);
        assertThat(entries.get(1).get("previousHash").asText()).isEqualTo(raised.hash());
        assertThat(entries.get(2).get("previousHash").asText()).isEqualTo(HashChain.GENESIS);
        assertThat(entries.get(3).get("previousHash").asText()).isEqualTo(convened.hash());
        assertThat(entries.get(4).get("previousHash").asText()).isEqualTo(opened.hash());
    }

    @Test
    void anEntryWithoutAPartyActedForHasANullOnBehalfOf() {
        CrisisId crisis = CrisisId.random();
        store.append(CRISIS, crisis.toString(), raised(crisis));

        JsonNode entry = api.get("/api/crises/" + crisis + "/timeline").send().json().get("entries").get(0);

        assertThat(entry.has("onBehalfOf")).isTrue();
        assertThat(entry.get("onBehalfOf").isNull()).isTrue();
    }

    @Test
    void aCrisisWithoutChannelsHasOnlyItsOwnEventsOnItsTimeline() {
        CrisisId crisis = CrisisId.random();
        Appended raised = store.append(CRISIS, crisis.toString(), raised(crisis));
        store.append(CHANNEL, ChannelId.random().toString(), new PositionStatementSubmitted(ChannelId.random(),
                MajorPower.US, "unrelated"));

        List<JsonNode> entries = list(api.get("/api/crises/" + crisis + "/timeline").send().json().get("entries"));

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("position").asLong()).isEqualTo(raised.position());
    }

    @Test
    void theTimelineOfAnUnknownCrisisIsNotFound() {
        Api.Answer answer = api.get("/api/crises/" + UUID.randomUUID() + "/timeline").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    @Test
    void theTimelineOfAnAggregateThatIsNoCrisisIsNotFound() {
        ChannelId channel = ChannelId.random();
        store.append(CHANNEL, channel.toString(), new MajorPowerChannelConvened(channel, CrisisId.random(),
                List.of(MajorPower.JP, MajorPower.IN), "talks",
                new AcknowledgementDeadline(Duration.ofHours(24), Instant.now())));

        Api.Answer answer = api.get("/api/crises/" + channel + "/timeline").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    @Test
    void theTimelineOfAMalformedIdIsAnInvalidRequest() {
        Api.Answer answer = api.get("/api/crises/42/timeline").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("crisisId");
    }

    // --- the whole log ---------------------------------------------------------------------------

    @Test
    void theLogWalksTheWholeStoreInGlobalOrderWithoutDuplicatesOrGaps() {
        CrisisId crisis = CrisisId.random();
        for (int i = 0; i < 5; i++) {
            store.append(CRISIS, crisis.toString(), i == 0 ? raised(crisis)
                    : new CrisisEscalated(crisis, Severity.of(i), Severity.of(i + 1), "step " + i));
        }
        List<Long> stored = jdbc.queryForList("select global_index from " + EventStoreSchema.EVENTS
                + " order by global_index", Long.class);

        List<Long> served = new ArrayList<>();
        long after = 0;
        while (true) {
            Api.Answer page = api.get("/api/audit?after=" + after + "&limit=7").send();
            assertThat(page.status()).isEqualTo(200);
            List<JsonNode> entries = list(page.json().get("entries"));
            assertThat(entries).hasSizeLessThanOrEqualTo(7);
            long nextAfter = page.json().get("nextAfter").asLong();
            if (entries.isEmpty()) {
                assertThat(nextAfter).isEqualTo(after);
                break;
            }
            assertThat(entries.get(0).get("position").asLong()).isGreaterThan(after);
            assertThat(nextAfter).isEqualTo(entries.get(entries.size() - 1).get("position").asLong());
            entries.forEach(entry -> served.add(entry.get("position").asLong()));
            after = nextAfter;
        }

        assertThat(served).isEqualTo(stored);
    }

    @Test
    void theLogServesEveryAuditFieldOfAnEntry() {
        CrisisId crisis = CrisisId.random();
        Appended raised = store.append(CRISIS, crisis.toString(), raised(crisis),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Caller.of("delegate@vn", "ASEAN"));

        Api.Answer page = api.get("/api/audit?after=" + (raised.position() - 1) + "&limit=1").send();

        assertThat(page.json().get("entries")).hasSize(1);
        assertEntry(page.json().get("entries").get(0), raised);
        assertThat(page.json().get("nextAfter").asLong()).isEqualTo(raised.position());
    }

    @Test
    void nextAfterStaysWhereItWasWhenNothingIsNew() {
        long last = store.append(CRISIS, CrisisId.random().toString(), raised(CrisisId.random())).position();

        Api.Answer atTheEnd = api.get("/api/audit?after=" + last).send();
        Api.Answer beyondTheEnd = api.get("/api/audit?after=" + (last + 1_000_000)).send();

        assertThat(atTheEnd.json().get("entries")).isEmpty();
        assertThat(atTheEnd.json().get("nextAfter").asLong()).isEqualTo(last);
        assertThat(beyondTheEnd.json().get("entries")).isEmpty();
        assertThat(beyondTheEnd.json().get("nextAfter").asLong()).isEqualTo(last + 1_000_000);
    }

    @Test
    void theLogServesAHundredEntriesUnlessToldOtherwiseAndAtMostAThousand() {
        ChannelId channel = ChannelId.random();
        long first = 0;
        for (int i = 0; i < 101; i++) {
            long position = store.append(CHANNEL, channel.toString(), new PositionStatementSubmitted(channel,
                    MajorPower.RU, "statement " + i)).position();
            first = i == 0 ? position : first;
        }

        Api.Answer byDefault = api.get("/api/audit?after=" + (first - 1)).send();
        Api.Answer atMost = api.get("/api/audit?after=" + (first - 1) + "&limit=1000").send();
        Api.Answer one = api.get("/api/audit?after=" + (first - 1) + "&limit=1").send();

        assertThat(byDefault.json().get("entries")).hasSize(100);
        assertThat(byDefault.json().get("entries").get(0).get("position").asLong()).isEqualTo(first);
        assertThat(atMost.json().get("entries")).hasSize(101);
        assertThat(one.json().get("entries")).hasSize(1);
        assertThat(one.json().get("nextAfter").asLong()).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=-5", "after=-1", "after=first", "limit=ten"})
    void refusesAnInvalidPagingParameterNamingIt(String parameter) {
        Api.Answer answer = api.get("/api/audit?" + parameter).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(fields(answer)).containsExactly(parameter.substring(0, parameter.indexOf('=')));
    }

    // --- verification ----------------------------------------------------------------------------

    @Test
    void anUntouchedStreamIsValid() {
        CrisisId crisis = crisisOfFourEvents();

        Api.Answer answer = verify(crisis);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("aggregateId")).isEqualTo(crisis.toString());
        assertThat(answer.json().get("events").asInt()).isEqualTo(4);
        assertThat(answer.json().get("valid").asBoolean()).isTrue();
        assertThat(answer.json().path("firstBrokenSequence").isNull()
                || answer.json().path("firstBrokenSequence").isMissingNode()).isTrue();
    }

    @Test
    void aStoredPayloadAlteredAfterTheFactBreaksTheChainAtThatEvent() {
        CrisisId crisis = crisisOfFourEvents();

        jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(jsonb_set(convert_from(payload,"
                + " 'UTF8')::jsonb, '{reason}', '\"nothing happened\"')::text, 'UTF8')"
                + " where aggregate_identifier = ? and sequence_number = 2", crisis.toString());

        assertBrokenAt(crisis, 2);
    }

    @Test
    void anAlteredActorBreaksTheChainAtThatEvent() {
        CrisisId crisis = crisisOfFourEvents();

        jdbc.update("update " + EventStoreSchema.EVENTS + " set meta_data = convert_to(jsonb_set(convert_from("
                + "meta_data, 'UTF8')::jsonb, '{actor}', '\"someone@else\"')::text, 'UTF8')"
                + " where aggregate_identifier = ? and sequence_number = 1", crisis.toString());

        assertBrokenAt(crisis, 1);
    }

    @Test
    void anAlteredEventWhoseOwnHashWasRecomputedBreaksTheLinkOfItsSuccessor() {
        CrisisId crisis = crisisOfFourEvents();
        JsonNode second = list(api.get("/api/crises/" + crisis + "/timeline").send().json().get("entries")).get(1);
        JsonNode forgedPayload = ((ObjectNode) second.get("payload").deepCopy())
                .put("reason", "forged");
        String forgedHash = HashChain.hash(second.get("previousHash").asText(), new AuditRecord(CRISIS,
                crisis.toString(), 1, second.get("eventType").asText(), forgedPayload,
                second.get("occurredAt").asText(), second.get("actor").asText(), null,
                second.get("commandId").asText(), second.get("correlationId").asText(),
                second.get("causationId").asText()));

        jdbc.update("update " + EventStoreSchema.EVENTS + " set payload = convert_to(?, 'UTF8'),"
                        + " meta_data = convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb, '{hash}',"
                        + " to_jsonb(?::text))::text, 'UTF8') where aggregate_identifier = ? and sequence_number = 1",
                forgedPayload.toString(), forgedHash, crisis.toString());

        assertBrokenAt(crisis, 2);
    }

    @Test
    void aRemovedMiddleEventBreaksTheChainAtTheGap() {
        CrisisId crisis = crisisOfFourEvents();

        jdbc.update("delete from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? and sequence_number = 1", crisis.toString());

        Api.Answer answer = assertBrokenAt(crisis, 1);
        assertThat(answer.json().get("events").asInt()).isEqualTo(3);
    }

    @Test
    void twoEventsWithSwappedSequenceNumbersBreakTheChain() {
        CrisisId crisis = crisisOfFourEvents();

        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = -1"
                + " where aggregate_identifier = ? and sequence_number = 1", crisis.toString());
        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = 1"
                + " where aggregate_identifier = ? and sequence_number = 2", crisis.toString());
        jdbc.update("update " + EventStoreSchema.EVENTS + " set sequence_number = 2"
                + " where aggregate_identifier = ? and sequence_number = -1", crisis.toString());

        assertBrokenAt(crisis, 1);
    }

    @Test
    void verifyingAnUnknownAggregateIsNotFound() {
        Api.Answer answer = api.get("/api/audit/verify?aggregateId=" + UUID.randomUUID()).send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:not-found");
    }

    @Test
    void verifyingABlankAggregateIdIsAnInvalidRequest() {
        Api.Answer answer = api.get("/api/audit/verify?aggregateId=%20").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(fields(answer)).containsExactly("aggregateId");
    }

    @Test
    void verifyingWithoutAnAggregateIdVerifiesTheWholeLog() {
        crisisOfFourEvents();

        Api.Answer answer = api.get("/api/audit/verify").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("breaks")).isTrue();
        assertThat(answer.json().get("events").asLong()).isGreaterThanOrEqualTo(4);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static RegionalCrisisRaised raised(CrisisId crisis) {
        return new RegionalCrisisRaised(crisis, "Standoff", "Scarborough Shoal", SecurityTopic.MARITIME_SECURITY,
                Severity.of(1), List.of(StateCode.of("PH")), "ships blocked");
    }

    /** Raised at severity 1, then escalated three times. */
    private CrisisId crisisOfFourEvents() {
        CrisisId crisis = CrisisId.random();
        store.append(CRISIS, crisis.toString(), raised(crisis));
        for (int severity = 2; severity <= 4; severity++) {
            store.append(CRISIS, crisis.toString(), new CrisisEscalated(crisis, Severity.of(severity - 1),
                    Severity.of(severity), "step " + severity));
        }
        return crisis;
    }

    private Api.Answer verify(CrisisId crisis) {
        return api.get("/api/audit/verify?aggregateId=" + crisis).send();
    }

    private Api.Answer assertBrokenAt(CrisisId crisis, long sequence) {
        Api.Answer answer = verify(crisis);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("valid").asBoolean()).isFalse();
        assertThat(answer.json().get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        return answer;
    }

    private static void assertEntry(JsonNode entry, Appended appended) {
        AuditRecord record = appended.record();
        assertThat(entry.get("position").asLong()).isEqualTo(appended.position());
        assertThat(entry.get("aggregateType").asText()).isEqualTo(record.aggregateType());
        assertThat(entry.get("aggregateId").asText()).isEqualTo(record.aggregateId());
        assertThat(entry.get("sequence").asLong()).isEqualTo(record.sequence());
        assertThat(entry.get("eventType").asText()).isEqualTo(record.eventType());
        assertThat(entry.get("payload").isObject()).isTrue();
        assertThat(entry.get("payload")).isEqualTo(record.payload());
        assertThat(entry.get("occurredAt").asText()).isEqualTo(record.occurredAt());
        assertThat(entry.get("actor").asText()).isEqualTo(record.actor());
        assertThat(textOrNull(entry, "onBehalfOf")).isEqualTo(record.onBehalfOf());
        assertThat(entry.get("commandId").asText()).isEqualTo(record.commandId());
        assertThat(entry.get("correlationId").asText()).isEqualTo(record.correlationId());
        assertThat(entry.get("causationId").asText()).isEqualTo(record.causationId());
        assertThat(entry.get("previousHash").asText()).isEqualTo(appended.previousHash());
        assertThat(entry.get("hash").asText()).isEqualTo(appended.hash())
                .isEqualTo(HashChain.hash(appended.previousHash(), record)).hasSize(64);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> fields(Api.Answer answer) {
        JsonNode errors = answer.json().get("errors");
        return errors == null ? List.of() : list(errors).stream().map(error -> error.get("field").asText()).toList();
    }
}
