package org.crisiscoordination.command.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.command.support.StoredEvents;
import org.crisiscoordination.command.support.StoredEvents.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.Crises.path;
import static org.crisiscoordination.command.support.Crises.referralPath;

/** Every crisis write of the contract, over HTTP: its answer and the event it appends. */
class CrisisWriteEndpointsIT extends CommandServiceIT {

    private static final String EVENTS = "org.crisiscoordination.kernel.crisis.";
    private static final String LOCATION = "http://query.test:8081/api/crises/";

    private StoredEvents events;

    @BeforeEach
    void readStore() {
        events = new StoredEvents(jdbc);
    }

    @Test
    void raisingWithoutAnIdAnswers201WithANewCrisisAtVersionZeroAndItsLocation() {
        Api.Answer answer = api.post("/api/crises", Crises.RAISE).send();

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.text("id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertWriteAnswer(answer, id, id, 0);
        assertThat(answer.header("Location")).isEqualTo(LOCATION + id);
        assertAppended(id, 0, "RegionalCrisisRaised");
        JsonNode payload = events.last(id).payload();
        assertThat(payload.path("crisisId").asText()).isEqualTo(id);
        assertThat(payload.path("title").asText()).isEqualTo("Reef standoff");
        assertThat(payload.path("severity").asInt()).isEqualTo(3);
        assertThat(payload.path("involvedStates")).extracting(JsonNode::asText).containsExactly("PH", "CN");
    }

    @Test
    void raisingWithTheClientsOwnIdKeepsThatId() {
        String id = Crises.randomId();

        Api.Answer answer = api.post("/api/crises", Crises.raiseWithId(id)).send();

        assertThat(answer.status()).isEqualTo(201);
        assertWriteAnswer(answer, id, id, 0);
        assertThat(answer.header("Location")).isEqualTo(LOCATION + id);
        assertAppended(id, 0, "RegionalCrisisRaised");
    }

    @Test
    void escalatingAnswers200WithTheNextVersionAndAppendsCrisisEscalated() {
        String id = Crises.raise(api);

        Api.Answer answer = api.post(path(id, "/escalations"), Crises.severity(4)).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 1);
        assertThat(answer.header("Location")).isNull();
        StoredEvent escalated = assertAppended(id, 1, "CrisisEscalated");
        assertThat(escalated.payload().path("severity").asInt()).isEqualTo(4);
    }

    @Test
    void deescalatingAnswers200AndAppendsCrisisDeescalated() {
        String id = Crises.raise(api);

        Api.Answer answer = api.post(path(id, "/de-escalations"), Crises.severity(2)).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 1);
        StoredEvent deescalated = assertAppended(id, 1, "CrisisDeescalated");
        assertThat(deescalated.payload().path("severity").asInt()).isEqualTo(2);
    }

    @Test
    void referringWithoutAReferralIdAnswers201WithANewReferralId() {
        String id = Crises.raise(api);

        Api.Answer answer = api.post(path(id, "/referrals"), Crises.referral("ASEAN")).send();

        assertThat(answer.status()).isEqualTo(201);
        String referralId = answer.text("referralId");
        assertThat(referralId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(answer.text("id")).isEqualTo(referralId);
        assertWriteAnswer(answer, referralId, id, 1);
        assertThat(answer.header("Location")).isEqualTo(LOCATION + id);
        StoredEvent referred = assertAppended(id, 1, "CrisisReferredToOrganization");
        assertThat(referred.payload().path("referralId").asText()).isEqualTo(referralId);
        assertThat(referred.payload().path("organization").asText()).isEqualTo("ASEAN");
    }

    @Test
    void referringWithTheClientsOwnReferralIdKeepsThatId() {
        String id = Crises.raise(api);
        String referralId = Crises.randomId();

        Api.Answer answer = api.post(path(id, "/referrals"), Crises.referral(referralId, "SCO")).send();

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("referralId")).isEqualTo(referralId);
        assertWriteAnswer(answer, referralId, id, 1);
        StoredEvent referred = assertAppended(id, 1, "CrisisReferredToOrganization");
        assertThat(referred.payload().path("referralId").asText()).isEqualTo(referralId);
    }

    @Test
    void acceptingAReferralWithAnEmptyObjectAppendsReferralAccepted() {
        String id = Crises.raise(api);
        String referralId = Crises.refer(api, id, "ASEAN");

        Api.Answer answer = api.post(referralPath(id, referralId, "/acceptance"), "{}").send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 2);
        StoredEvent accepted = assertAppended(id, 2, "ReferralAccepted");
        assertThat(accepted.payload().path("referralId").asText()).isEqualTo(referralId);
    }

    @Test
    void acceptingAReferralWithNoBodyAtAllAppendsReferralAccepted() {
        String id = Crises.raise(api);
        String referralId = Crises.refer(api, id, "EAS");

        Api.Answer answer = api.post(referralPath(id, referralId, "/acceptance"), null)
                .header("Content-Type", null).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 2);
        assertAppended(id, 2, "ReferralAccepted");
    }

    @Test
    void acceptingAReferralWithNoBodyButAJsonContentTypeAppendsReferralAccepted() {
        String id = Crises.raise(api);
        String referralId = Crises.refer(api, id, "CICA");

        Api.Answer answer = api.post(referralPath(id, referralId, "/acceptance"), null).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 2);
        assertAppended(id, 2, "ReferralAccepted");
    }

    @Test
    void decliningAReferralAppendsReferralDeclined() {
        String id = Crises.raise(api);
        String referralId = Crises.refer(api, id, "SCO");

        Api.Answer answer = api.post(referralPath(id, referralId, "/decline"), Crises.DECLINE).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 2);
        StoredEvent declined = assertAppended(id, 2, "ReferralDeclined");
        assertThat(declined.payload().path("reason").asText()).isEqualTo("Outside the organisation's current mandate");
    }

    @Test
    void reportingTheOutcomeOfAnAcceptedReferralAppendsReferralOutcomeReported() {
        String id = Crises.raise(api);
        String referralId = Crises.referAccepted(api, id, "ASEAN");

        Api.Answer answer = api.post(referralPath(id, referralId, "/outcome"), Crises.OUTCOME).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 3);
        StoredEvent reported = assertAppended(id, 3, "ReferralOutcomeReported");
        assertThat(reported.payload().path("findings").asText()).isEqualTo("Both parties agreed to a hotline");
    }

    @Test
    void recordingAMinilateralInvolvementAppendsMinilateralInvolvementRecorded() {
        String id = Crises.raise(api);

        Api.Answer answer = api.post(path(id, "/minilateral-involvements"), Crises.involvement("QUAD")).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 1);
        StoredEvent recorded = assertAppended(id, 1, "MinilateralInvolvementRecorded");
        assertThat(recorded.payload().path("bloc").asText()).isEqualTo("QUAD");
    }

    @Test
    void resolvingACrisisAppendsCrisisResolved() {
        String id = Crises.raise(api);

        Api.Answer answer = api.post(path(id, "/resolution"), Crises.RESOLUTION).send();

        assertThat(answer.status()).isEqualTo(200);
        assertWriteAnswer(answer, id, id, 1);
        assertAppended(id, 1, "CrisisResolved");
    }

    @Test
    void aCrisisWholeCourseCountsItsVersionsFromZeroOneEventPerWrite() {
        Api.Answer raised = api.post("/api/crises", Crises.RAISE).send();
        String id = raised.text("id");
        List<Long> versions = new ArrayList<>(List.of(version(raised)));
        versions.add(version(api.post(path(id, "/escalations"), Crises.severity(5)).send()));
        versions.add(version(api.post(path(id, "/de-escalations"), Crises.severity(4)).send()));
        versions.add(version(api.post(path(id, "/minilateral-involvements"), Crises.involvement("AUKUS")).send()));
        Api.Answer accepted = api.post(path(id, "/referrals"), Crises.referral("ASEAN")).send();
        String acceptedId = accepted.text("referralId");
        versions.add(version(accepted));
        versions.add(version(api.post(referralPath(id, acceptedId, "/acceptance"), "{}").send()));
        versions.add(version(api.post(referralPath(id, acceptedId, "/outcome"), Crises.OUTCOME).send()));
        Api.Answer declined = api.post(path(id, "/referrals"), Crises.referral("SCO")).send();
        versions.add(version(declined));
        versions.add(version(api.post(referralPath(id, declined.text("referralId"), "/decline"), Crises.DECLINE).send()));
        versions.add(version(api.post(path(id, "/resolution"), Crises.RESOLUTION).send()));

        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events.of(id)).extracting(StoredEvent::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events.of(id)).extracting(StoredEvent::payloadType).containsExactly(
                EVENTS + "RegionalCrisisRaised", EVENTS + "CrisisEscalated", EVENTS + "CrisisDeescalated",
                EVENTS + "MinilateralInvolvementRecorded", EVENTS + "CrisisReferredToOrganization",
                EVENTS + "ReferralAccepted", EVENTS + "ReferralOutcomeReported",
                EVENTS + "CrisisReferredToOrganization", EVENTS + "ReferralDeclined", EVENTS + "CrisisResolved");
    }

    private static long version(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201);
        return answer.json().get("version").asLong();
    }

    /** The answer is exactly {id, aggregateId, version, consistencyToken}, plus referralId for a referral. */
    private static void assertWriteAnswer(Api.Answer answer, String id, String aggregateId, long version) {
        JsonNode body = answer.json();
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        if (body.has("referralId")) {
            assertThat(fields).containsExactlyInAnyOrder("id", "aggregateId", "version", "consistencyToken", "referralId");
        } else {
            assertThat(fields).containsExactlyInAnyOrder("id", "aggregateId", "version", "consistencyToken");
        }
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("aggregateId").asText()).isEqualTo(aggregateId);
        assertThat(body.get("version").isIntegralNumber()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(version);
        assertThat(body.get("consistencyToken").asText()).isNotBlank();
    }

    /** The crisis now holds exactly {@code sequence + 1} events, the last one of the named type. */
    private StoredEvent assertAppended(String crisisId, long sequence, String eventType) {
        assertThat(eventCount(crisisId)).isEqualTo(sequence + 1);
        StoredEvent last = events.last(crisisId);
        assertThat(last.sequence()).isEqualTo(sequence);
        assertThat(last.payloadType()).isEqualTo(EVENTS + eventType);
        assertThat(last.type()).isEqualTo("Crisis");
        return last;
    }
}
