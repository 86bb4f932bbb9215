package org.crisiscoordination.command.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.crisiscoordination.command.support.Crises;
import org.crisiscoordination.testsupport.Api;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity provider plugs in with configuration only: here one shaped like Keycloak, which
 * publishes its keys as a JWK set, signs with ES256 and puts realm roles under
 * {@code realm_access.roles}. The service is told the JWK set's URI, the algorithms and the roles
 * claim, nothing else, and takes the provider's tokens (and no longer the tests' own issuer's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crisis.query-service-url=http://query.test:8081",
        "spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256,RS256",
        "crisis.security.roles-claim=realm_access.roles"})
class IdentityProviderIT {

    private static final String ISSUER = "https://idp.test/realms/crisis";
    private static final ECKey KEY = newKey();
    private static final HttpServer PROVIDER = serveKeys();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        TestDatabase.Database database = TestDatabase.shared();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + PROVIDER.getAddress().getPort() + "/realms/crisis/protocol/openid-connect/certs");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void aTokenOfTheProviderSignedWithEs256IsTakenWithItsRealmRolesAndParty() {
        Api api = new Api("http://localhost:" + port);

        Api.Answer raised = api.post("/api/crises", Crises.RAISE)
                .header("Authorization", "Bearer " + keycloakToken("f81d4fae-7dec", List.of("SECRETARIAT"), "PH")).send();

        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);
        Map<String, Object> meta = jdbc.queryForMap("select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor,"
                + " convert_from(meta_data, 'UTF8')::jsonb ->> 'onBehalfOf' as party from event_store.domain_event_entry"
                + " where aggregate_identifier = ?", raised.text("id"));
        assertThat(meta).containsEntry("actor", ISSUER + "#f81d4fae-7dec").containsEntry("party", "PH");
    }

    @Test
    void theProvidersRolesDecideAndAnotherIssuersTokensAreNotTaken() {
        Api api = new Api("http://localhost:" + port);

        Api.Answer auditor = api.post("/api/crises", Crises.RAISE)
                .header("Authorization", "Bearer " + keycloakToken("auditor-1", List.of("AUDITOR"), null)).send();
        Api.Answer ours = api.post("/api/crises", Crises.RAISE).as(TestCaller.secretariat()).send();

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(ours.status()).as("signed by a key the provider does not publish").isEqualTo(401);
    }

    private static String keycloakToken(String subject, List<String> roles, String party) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("realm_access", Map.of("roles", roles)).claim("azp", "crisis-console");
        if (party != null) {
            claims.claim("represents", party);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new ECDSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("realm-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's certs endpoint: its public keys as a JWK set. */
    private static HttpServer serveKeys() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/crisis/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keys);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
