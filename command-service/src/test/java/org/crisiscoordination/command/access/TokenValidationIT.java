package org.crisiscoordination.command.access;

import org.crisiscoordination.command.support.CommandServiceIT;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.command.support.ProblemAssertions.assertProblem;

/**
 * Only a token signed by the trusted key, unexpired, naming its subject and issuer and, if any, a
 * party that exists, authenticates: every other is a 401 whose {@code WWW-Authenticate} says the
 * token is invalid (RFC 6750), and the write is not made.
 */
class TokenValidationIT extends CommandServiceIT {

    @Test
    void anExpiredTokenIs401InvalidToken() {
        assertRefused(TestTokens.mint(TestCaller.secretariat(), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1)));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401InvalidToken() {
        assertRefused(TestTokens.mintWithForeignKey(TestCaller.secretariat()));
    }

    @Test
    void aTokenWithoutAnIssuerIs401InvalidToken() {
        assertRefused(TestTokens.mintWithoutIssuer(TestCaller.secretariat()));
    }

    @Test
    void aTokenRepresentingNoPartyThatExistsIs401InvalidToken() {
        assertRefused(TestTokens.mint(TestCaller.secretariat().representing("Atlantis")));
    }

    @Test
    void somethingThatIsNoTokenIs401InvalidToken() {
        assertRefused("not-a-jwt");
    }

    @Test
    void rolesTheServiceDoesNotKnowAreIgnored() {
        TestCaller secretariat = new TestCaller("spaced", List.of("SECRETARIAT", "ASTRONAUT"), null);

        assertThat(api.post("/api/crises", Crises.RAISE).as(secretariat).send().status()).isEqualTo(201);
    }

    private void assertRefused(String token) {
        long before = eventCount();

        Api.Answer answer = api.post("/api/crises", Crises.RAISE).header("Authorization", "Bearer " + token).send();

        assertProblem(answer, 401, "authentication-required", "/api/crises");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(eventCount()).isEqualTo(before);
    }
}
