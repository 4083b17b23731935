package dev.restauth.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JWT mode on two nodes sharing one database, as behind a load balancer: what one node blacklists, rotates, detects
 * as reuse or revokes, the other refuses at once. Each node has its own pool and its own Jetty.
 */
class JwtTwoNodesTest {
    private static final String PASSWORD = "Tr0ub4dor&3-horse";
    private static final String BLACKLISTED = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";
    private static final String REVOKED = "{\"detail\":\"Given token not valid for any token type\",\"code\":"
            + "\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\","
            + "\"message\":\"Token is blacklisted\"}]}";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL"})
    void eitherNodeRefusesWhatTheOtherRevoked(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer a = node(database);
             TestServer b = node(database)) {
            a.createUser("alice", "alice@example.com", PASSWORD);
            String user = a.http().get("/user/", bearer(login(a).access)).body();

            // rotation on B of a login on A; the rotated-away token replayed on A is reuse, and B's successor dies
            Login first = login(a);
            assertEquals(user, b.http().get("/user/", bearer(first.access)).body());
            Http.Response rotated = b.http().post("/token/refresh/", refresh(first.refresh));
            assertEquals(200, rotated.status(), rotated::toString);
            String successor = rotated.json().get("refresh").getAsString();
            assertEquals("401 " + BLACKLISTED, a.http().post("/token/refresh/", refresh(first.refresh)).toString());
            assertEquals("401 " + BLACKLISTED, b.http().post("/token/refresh/", refresh(successor)).toString());

            // logout on A: B refuses the refresh token and the access token at once
            Login second = login(a);
            assertEquals(200, a.http().post("/logout/", refresh(second.refresh), "Authorization",
                    "Bearer " + second.access).status());
            assertEquals("401 " + BLACKLISTED, b.http().post("/token/refresh/", refresh(second.refresh)).toString());
            assertEquals("401 " + REVOKED, b.http().get("/user/", bearer(second.access)).toString());

            // a password change on B revokes on A the access tokens issued before it
            Login third = login(b);
            assertEquals(200, b.http().post("/password/change/", "{\"new_password1\": \"N3w-Tr0ub4dor&3x!\", "
                    + "\"new_password2\": \"N3w-Tr0ub4dor&3x!\"}", bearer(third.access)).status());
            assertEquals("401 " + REVOKED, a.http().get("/user/", bearer(third.access)).toString());
        }
    }

    private record Login(String access, String refresh) {
    }

    private static Login login(TestServer node) {
        Http.Response response = node.http().post("/login/", "{\"username\": \"alice\", \"password\": \"" + PASSWORD
                + "\"}");
        assertEquals(200, response.status(), response::toString);
        return new Login(response.json().get("access").getAsString(), response.json().get("refresh").getAsString());
    }

    private static TestServer node(TestDatabase database) {
        return TestServer.builder()
                .setting("database_url", database.jdbcUrl())
                .setting("database_user", database.user())
                .setting("use_jwt", "true")
                .setting("authentication_classes", "jwt")
                .setting("session_login", "false")
                .setting("jwt_auth_httponly", "false")
                .setting("jwt_rotate_refresh_tokens", "true")
                .setting("jwt_blacklist_after_rotation", "true")
                .start();
    }

    private static String[] bearer(String access) {
        return new String[] {"Authorization", "Bearer " + access};
    }

    private static String refresh(String token) {
        return "{\"refresh\": \"" + token + "\"}";
    }
}
