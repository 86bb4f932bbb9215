package org.crisiscoordination.launcher;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** deploy/run's key pair and deploy/token's tokens. */
class TokenKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsMadeOnceBesideTheDataAndItsPrivateHalfIsTheOwnersAlone() throws Exception {
        TokenKeys first = TokenKeys.loadOrCreate(dataDir);
        String publicKey = Files.readString(first.publicKey());

        TokenKeys again = TokenKeys.loadOrCreate(dataDir);

        assertThat(first.publicKey()).isEqualTo(dataDir.resolve("keys/token-public-key.pem"));
        assertThat(Files.readString(again.publicKey())).isEqualTo(publicKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/token-signing-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aTokenIsSignedWithThePrivateKeyAndCarriesItsClaims() throws Exception {
        TokenKeys keys = TokenKeys.loadOrCreate(dataDir);

        SignedJWT token = SignedJWT.parse(keys.mint("cn-delegate", List.of("DELEGATE", "AUDITOR"), "CN", Duration.ofMinutes(5)));

        assertThat(token.verify(new RSASSAVerifier(publicKey(keys.publicKey())))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("deploy-run");
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("cn-delegate");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("DELEGATE", "AUDITOR");
        assertThat(token.getJWTClaimsSet().getStringClaim("represents")).isEqualTo("CN");
        assertThat(Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
                token.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theServicesTrustTheKeyUnlessAnIdentityProviderIsConfigured() throws Exception {
        assertThat(TokenKeys.trustFor(dataDir, Map.of()))
                .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                        "file:" + dataDir.resolve("keys/token-public-key.pem"));
        assertThat(TokenKeys.trustFor(dataDir, Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                "https://idp.example/realms/crisis"))).isEmpty();
    }

    @Test
    void deployTokenTakesSeveralRolesAPartyASubjectAndATtl() {
        TokenCommand.Request request = TokenCommand.Request.parse(new String[] {
                "--role", "delegate,AUDITOR", "--represents", "ASEAN", "--subject", "asean-desk", "--ttl", "PT2H"});

        assertThat(request.roles()).containsExactly("DELEGATE", "AUDITOR");
        assertThat(request.represents()).isEqualTo("ASEAN");
        assertThat(request.subject()).isEqualTo("asean-desk");
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(TokenCommand.Request.parse(new String[] {"--role", "SECRETARIAT"}).subject()).isEqualTo("secretariat");
        assertThat(TokenCommand.Request.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void deployTokenRefusesWhatIsNoRoleNoRoleAtAllAndNoDuration() {
        assertThatThrownBy(() -> TokenCommand.Request.parse(new String[] {"--role", "KING"}))
                .hasMessageContaining("'KING' is no role");
        assertThatThrownBy(() -> TokenCommand.Request.parse(new String[] {"--represents", "CN"}))
                .hasMessageContaining("--role is required");
        assertThatThrownBy(() -> TokenCommand.Request.parse(new String[] {"--role", "AUDITOR", "--ttl", "an hour"}))
                .hasMessageContaining("ISO-8601");
    }

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
