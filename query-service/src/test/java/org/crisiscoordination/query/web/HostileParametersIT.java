package org.crisiscoordination.query.web;

import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query parameters and path values that hold a NUL or other control characters are refused at the
 * edge as 400 problem+json naming the parameter, never a 500: no such value reaches a SQL
 * statement. (A NUL in the path itself Tomcat refuses before the application sees it.)
 */
class HostileParametersIT extends QueryServiceIT {

    @ParameterizedTest
    @ValueSource(strings = {"x%00y", "x%01y", "%7F", "x%C2%85y", "tab%09and%0Dreturn"})
    void anAggregateIdToVerifyThatCannotBeStoredIsRefused(String aggregateId) {
        assertRefused("/api/audit/verify?aggregateId=" + aggregateId, "aggregateId");
    }

    /** Bytes that are not UTF-8 decode to U+FFFD, a character like any other: no such aggregate. */
    @ParameterizedTest
    @ValueSource(strings = {"%ED%A0%80", "%FF%FE", "%C0%80"})
    void anAggregateIdThatIsNotUtf8IsNotFound(String aggregateId) {
        Api.Answer answer = api.get("/api/audit/verify?aggregateId=" + aggregateId).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).as(answer.raw().body()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "topic", "organization", "state"})
    void boardFiltersHoldingANulAreRefused(String filter) {
        assertRefused("/api/crises?" + filter + "=x%00y", filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minSeverity", "page", "size"})
    void numericBoardParametersHoldingANulAreRefused(String parameter) {
        assertRefused("/api/crises?" + parameter + "=1%00", parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"after", "limit"})
    void auditPagingHoldingANulIsRefused(String parameter) {
        assertRefused("/api/audit?" + parameter + "=1%00", parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/crises/x%01y/timeline", "/api/channels/x%7Fy/timeline", "/api/crises/%C2%85",
            "/api/channels/x%1By"})
    void idsInThePathHoldingControlCharactersAreRefused(String path) {
        Api.Answer answer = api.get(path).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(answer.raw().body()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
    }

    private void assertRefused(String path, String parameter) {
        Api.Answer answer = api.get(path).send();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(answer.raw().body()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:crisis-coordination:problem:invalid-request");
        assertThat(answer.raw().body()).contains(parameter);
    }
}
