package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;

import dev.restauth.account.CreateUser;
import dev.restauth.error.ValidationException;
import dev.restauth.testing.Http;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;
import dev.restauth.testing.Tables;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every length limit is checked on the value as it will be stored (the username after NFKC) and in the unit the
 * database's column counts: UTF-16 units on H2, where an emoji takes two of VARCHAR(150)'s characters, code points on
 * PostgreSQL and MariaDB. A value over the limit is a 400 in DRF's words with nothing written, never the database's
 * refusal as a 500; a provider's overlong name is cut, never inside a surrogate pair.
 */
class StoredLengthsTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String CLIENT_ID = "restauth-client";

    @Nested
    class OnH2 extends Limits {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Limits {
        OnPostgreSql() {
            super(TestDatabase.Kind.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Limits {
        OnMariaDb() {
            super(TestDatabase.Kind.MARIADB);
        }
    }

    /** The cases, on one database. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Limits {
        private final TestDatabase.Kind kind;
        private TestDatabase database;
        private OidcServer oidc;
        private TestServer server;

        Limits(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() {
            database = TestDatabase.create(kind);
            oidc = OidcServer.start();
            server = TestServer.builder().dataSource(database.dataSource())
                    .setting("social_providers", "idp")
                    .setting("social.idp.client_id", CLIENT_ID)
                    .setting("social.idp.issuer", oidc.issuer())
                    .customize(app -> app.backgroundWork(false))
                    .start();
        }

        @AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
            if (oidc != null) {
                oidc.close();
            }
            if (database != null) {
                database.close();
            }
        }

        private boolean countsUtf16Units() {
            return kind == TestDatabase.Kind.H2;
        }

        @Test
        void aFirstNameOf76EmojiIsStoredWhereTheColumnCountsCodePointsAndRefusedOnH2() {
            String token = newUserToken();
            String name = EMOJI.repeat(76);
            Map<String, String> before = Tables.snapshot(database.dataSource());
            Http.Response answer = server.http().patch("/user/", "{\"first_name\":\"" + name + "\"}",
                    Http.token(token));
            if (countsUtf16Units()) {
                assertRefused(answer, "first_name", 150, before);
            } else {
                assertEquals(200, answer.status(), answer.toString());
                assertEquals(name, server.http().get("/user/", Http.token(token)).json().get("first_name")
                        .getAsString());
            }
        }

        @Test
        void aLastNameOf151EmojiIsRefusedEverywhere() {
            String token = newUserToken();
            Map<String, String> before = Tables.snapshot(database.dataSource());
            assertRefused(server.http().patch("/user/", "{\"last_name\":\"" + EMOJI.repeat(151) + "\"}",
                    Http.token(token)), "last_name", 150, before);
        }

        @Test
        void aUsernameOf100LigaturesIsMeasuredAfterNfkcAtRegistration() {
            Map<String, String> before = Tables.snapshot(database.dataSource());
            // U+FB03 is one letter, "ffi" (three) once normalised: 100 of them are 300 characters as stored.
            assertRefused(register("\uFB03".repeat(100), unique() + "@example.com"), "username", 150, before);
        }

        @Test
        void aUsernameOf100DigraphsIsMeasuredAfterNfkcInAProfileUpdate() {
            String token = newUserToken();
            Map<String, String> before = Tables.snapshot(database.dataSource());
            // U+01C6 is one letter, "dž" (two) once normalised.
            assertRefused(server.http().patch("/user/", "{\"username\":\"" + "\u01C6".repeat(100) + "\"}",
                    Http.token(token)), "username", 150, before);
        }

        @Test
        void aUsernameThatNormalisesIntoSpacesIsNotAValidUsernameInAProfileUpdate() {
            String token = newUserToken();
            Map<String, String> before = Tables.snapshot(database.dataSource());
            // U+FDFA is one Arabic letter whose compatibility form is a phrase of four words.
            Http.Response answer = server.http().patch("/user/", "{\"username\":\"\uFDFA\"}", Http.token(token));
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, "
                    + "and @/./+/-/_ characters.\"]}", answer.body());
            assertEquals(before, Tables.snapshot(database.dataSource()));
        }

        @Test
        void anAddressOf300CharactersIsRefusedAtRegistration() {
            String domain = ("b".repeat(60) + ".").repeat(3) + "c".repeat(40) + ".com";
            String address = "a".repeat(300 - 1 - domain.length()) + "@" + domain;
            assertEquals(300, address.length());
            Map<String, String> before = Tables.snapshot(database.dataSource());
            assertRefused(register(unique(), address), "email", 254, before);
        }

        @Test
        void aProviderFirstNameOf150EmojiIsCutToTheColumnWithoutSplittingAPair() {
            SignedJWT idToken = oidc.idToken(OidcServer.ISSUER_ID, unique(), List.of(CLIENT_ID),
                    Map.of("email", unique() + "@example.com", "email_verified", true,
                            "given_name", EMOJI.repeat(150), "family_name", "x" + EMOJI.repeat(150)), 3600);
            Http.Response login = server.http().post("/idp/", "{\"id_token\": \"" + idToken.serialize() + "\"}");
            assertEquals(200, login.status(), login.toString());
            var user = server.http().get("/user/", Http.token(login.json().get("key").getAsString())).json();
            if (countsUtf16Units()) {
                assertEquals(EMOJI.repeat(75), user.get("first_name").getAsString());
                assertEquals("x" + EMOJI.repeat(74), user.get("last_name").getAsString()); // 149 units, not 150
            } else {
                assertEquals(EMOJI.repeat(150), user.get("first_name").getAsString());
                assertEquals("x" + EMOJI.repeat(149), user.get("last_name").getAsString());
            }
        }

        @Test
        void createUserRefusesAUsernameThatGrowsPastTheColumnUnderNfkc() {
            Map<String, String> before = Tables.snapshot(database.dataSource());
            ValidationException refused = assertThrows(ValidationException.class, () -> server.app().useCases()
                    .createUser().run(new CreateUser.NewAccount("\uFB03".repeat(100), unique() + "@example.com",
                            PASSWORD, false, false, true)));
            assertEquals(Map.of("username", List.of("Ensure this field has no more than 150 characters.")),
                    refused.errors());
            assertEquals(before, Tables.snapshot(database.dataSource()));
        }

        private void assertRefused(Http.Response answer, String field, int limit, Map<String, String> before) {
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("{\"" + field + "\":[\"Ensure this field has no more than " + limit + " characters.\"]}",
                    answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.toString());
            assertEquals(before, Tables.snapshot(database.dataSource()), "nothing is written");
        }

        private Http.Response register(String username, String email) {
            return server.http().post("/registration/", "{\"username\":\"" + username + "\",\"email\":\"" + email
                    + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}");
        }

        private String newUserToken() {
            String username = unique();
            server.createUser(username, username + "@example.com", PASSWORD);
            return server.login(username, PASSWORD);
        }
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
