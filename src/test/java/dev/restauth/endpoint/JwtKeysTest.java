package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ALLOW_USER;
import static dev.restauth.endpoint.JwtWire.CHALLENGE;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.bearer;
import static dev.restauth.endpoint.JwtWire.notValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import dev.restauth.config.SettingsException;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The asymmetric algorithms: tokens signed with a private key from a PEM file, checked by anyone with the public key
 * from {@code jwks/}; several keys for rotation without logging anyone out; and the forgeries the pinned algorithm
 * and the {@code kid} refuse. Start-up refuses a bad combination, naming the setting.
 */
class JwtKeysTest {
    private static final String INVALID = notValid("Token is invalid or expired");

    @TempDir
    Path dir;

    @Test
    void rs256TokensCarryTheKidThatJwksPublishesAndVerifyOfflineWithIt() throws Exception {
        Path key = pem("rsa.pem", rsa().getPrivate().getEncoded(), "PRIVATE KEY");
        try (TestServer server = start(key, "RS256")) {
            String access = JwtWire.login(server.http()).access();
            Http.Response jwks = server.http().get("/jwks/");
            assertEquals(200, jwks.status());
            JWKSet set = JWKSet.parse(jwks.body());
            assertEquals(1, set.getKeys().size());
            RSAKey published = set.getKeys().get(0).toRSAKey();
            assertFalse(published.isPrivate(), "only the public half is published");
            assertEquals("sig", published.getKeyUse().identifier());
            assertEquals("RS256", published.getAlgorithm().getName());

            SignedJWT jwt = SignedJWT.parse(access);
            assertEquals("{\"alg\":\"RS256\",\"kid\":\"" + published.getKeyID() + "\",\"typ\":\"JWT\"}",
                    JwtWire.header(access));
            assertTrue(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published)), "offline verification");
            assertEquals(200, server.http().get("/user/", bearer(access)).status());
        }
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
        KeyPair pair = rsa();
        Path key = pem("rsa.pem", pair.getPrivate().getEncoded(), "PRIVATE KEY");
        try (TestServer server = start(key, "RS256")) {
            String access = JwtWire.login(server.http()).access();
            String publicPem = Files.readString(pem("rsa.pub", pair.getPublic().getEncoded(), "PUBLIC KEY"));
            String forged = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), JwtWire.payload(access),
                    new MACSigner(publicPem.getBytes(StandardCharsets.US_ASCII)));
            assertAnswerWithoutCookies(server.http().get("/user/", bearer(forged)), 401, INVALID, "Accept",
                    ALLOW_USER, CHALLENGE);
        }
    }

    @Test
    void aTokenNamingAnUnknownKidOrSignedByAnotherKeyIsRefused() throws Exception {
        Path key = pem("rsa.pem", rsa().getPrivate().getEncoded(), "PRIVATE KEY");
        try (TestServer server = start(key, "RS256")) {
            String access = JwtWire.login(server.http()).access();
            KeyPair stranger = rsa();
            String kid = SignedJWT.parse(access).getHeader().getKeyID();
            for (String claimedKid : new String[] {"not-a-key-of-ours", kid, null}) {
                String forged = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(claimedKid).build(),
                        JwtWire.payload(access), new RSASSASigner(stranger.getPrivate()));
                assertAnswerWithoutCookies(server.http().get("/user/", bearer(forged)), 401, INVALID, "Accept",
                        ALLOW_USER, CHALLENGE);
            }
        }
    }

    @Test
    void aNewKeyTakesOverWhileTokensOfTheOldOneStillVerify() throws Exception {
        Path old = pem("old.pem", rsa().getPrivate().getEncoded(), "PRIVATE KEY");
        KeyPair fresh = rsa();
        Path current = pem("new.pem", fresh.getPrivate().getEncoded(), "PRIVATE KEY");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2)) {
            String oldAccess;
            String oldRefresh;
            try (TestServer before = start(old, "RS256", database)) {
                JwtWire.Tokens tokens = JwtWire.login(before.http());
                oldAccess = tokens.access();
                oldRefresh = tokens.refresh();
            }
            try (TestServer after = TestServerWithKeys.start(current, old, database)) {
                Http http = after.http();
                assertEquals(200, http.get("/user/", bearer(oldAccess)).status(), "the old key still verifies");
                Http.Response refreshed = http.post("/token/refresh/", "{\"refresh\": \"" + oldRefresh + "\"}");
                assertEquals(200, refreshed.status(), refreshed::toString);
                String newAccess = refreshed.json().get("access").getAsString();
                JsonArray keys = http.get("/jwks/").json().getAsJsonArray("keys");
                assertEquals(2, keys.size(), "both keys are published");
                String newKid = SignedJWT.parse(newAccess).getHeader().getKeyID();
                assertEquals(keys.get(0).getAsJsonObject().get("kid").getAsString(), newKid,
                        "new tokens are signed by the new key, listed first");
                assertEquals(200, http.get("/user/", bearer(newAccess)).status());
            }
        }
    }

    @Test
    void es256AndEdDsaSignTokensThatAuthenticate() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path ecKey = pem("ec.pem", ec.generateKeyPair().getPrivate().getEncoded(), "PRIVATE KEY");
        Path edKey = pem("ed.pem", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate()
                .getEncoded(), "PRIVATE KEY");
        for (String[] config : new String[][] {{"ES256", ecKey.toString(), "EC"}, {"EdDSA", edKey.toString(), "OKP"}}) {
            try (TestServer server = start(Path.of(config[1]), config[0])) {
                String access = JwtWire.login(server.http()).access();
                assertTrue(JwtWire.header(access).startsWith("{\"alg\":\"" + config[0] + "\",\"kid\":"), access);
                assertEquals(200, server.http().get("/user/", bearer(access)).status());
                JsonObject jwk = server.http().get("/jwks/").json().getAsJsonArray("keys").get(0).getAsJsonObject();
                assertEquals(config[2], jwk.get("kty").getAsString());
                assertFalse(jwk.has("d"), "no private part");
            }
        }
    }

    @Test
    void hmacServesNoKeySet() {
        try (TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED)).start()) {
            assertEquals(404, server.http().get("/jwks/").status());
        }
    }

    @Test
    void aBadKeyConfigurationStopsTheStartNamingTheSetting() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        Path p384 = pem("p384.pem", ec.generateKeyPair().getPrivate().getEncoded(), "PRIVATE KEY");
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        Path rsa1024 = pem("small.pem", small.generateKeyPair().getPrivate().getEncoded(), "PRIVATE KEY");
        Path notPem = Files.writeString(dir.resolve("nothing.pem"), "hello");

        assertStartFails("jwt_signing_key_file", "jwt_algorithm", "RS256");
        assertStartFails("jwt_signing_key_file", "jwt_algorithm", "ES256", "jwt_signing_key_file", p384.toString());
        assertStartFails("jwt_signing_key_file", "jwt_algorithm", "RS256", "jwt_signing_key_file",
                rsa1024.toString());
        assertStartFails("jwt_signing_key_file", "jwt_algorithm", "RS256", "jwt_signing_key_file",
                notPem.toString());
        assertStartFails("jwt_signing_key_file", "jwt_algorithm", "RS256", "jwt_signing_key_file",
                dir.resolve("missing.pem").toString());
        assertStartFails("jwt_signing_key", "jwt_signing_key", "too-short-for-hs256");
        assertStartFails("jwt_signing_key", "jwt_algorithm", "HS512"); // the 56-byte test secret is too short
        assertStartFails("authentication_classes", "authentication_classes", "token,session");
    }

    private void assertStartFails(String named, String... settings) {
        TestServer.Builder builder = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED));
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        SettingsException e = assertThrows(SettingsException.class, builder::start);
        assertTrue(e.getMessage().contains("'" + named + "'"), e::getMessage);
    }

    private TestServer start(Path key, String algorithm) {
        TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("jwt_algorithm", algorithm).setting("jwt_signing_key_file", key.toString()).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server;
    }

    private TestServer start(Path key, String algorithm, TestDatabase database) {
        TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("jwt_algorithm", algorithm).setting("jwt_signing_key_file", key.toString())
                .dataSource(database.dataSource()).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server;
    }

    /** A server signing with one key and still verifying another, on a database another server used. */
    private static final class TestServerWithKeys {
        static TestServer start(Path signing, Path verifying, TestDatabase database) {
            return JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                    .setting("jwt_algorithm", "RS256").setting("jwt_signing_key_file", signing.toString())
                    .setting("jwt_verifying_key_files", verifying.toString())
                    .dataSource(database.dataSource()).start();
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private Path pem(String name, byte[] der, String type) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(dir.resolve(name), "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type
                + "-----\n");
    }

    private static String sign(JWSHeader header, String payload, JWSSigner signer) throws Exception {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        jws.sign(signer);
        return jws.serialize();
    }
}
