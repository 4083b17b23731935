package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.account.CreateUser;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Section 14 of the wire transcript: servers started with one setting changed from the main configuration. Each
 * nested class runs one server for its tests.
 */
class AuthenticationConfigurationsTest {
    private static final String PASSWORD = "c0rrect-h0rse-b4ttery";

    /** One server per nested class, started with the given settings (name, value, ...). */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Configuration {
        TestServer server;
        Http http;

        abstract String[] settings();

        @BeforeAll
        void start() {
            TestServer.Builder builder = TestServer.builder().clock(new MutableClock(Wire.RECORDED));
            String[] settings = settings();
            for (int i = 0; i < settings.length; i += 2) {
                builder.setting(settings[i], settings[i + 1]);
            }
            server = builder.start();
            http = server.http();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        /** A user whose address is not confirmed yet, as right after registration. */
        void createUnverifiedUser(String username) {
            server.app().useCases().createUser().run(new CreateUser.NewAccount(username, username + "@example.com", PASSWORD,
                    false, false, false));
        }
    }

    @Nested
    class SessionFirst extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"authentication_classes", "session,token"};
        }

        @Test
        void noCredentialsIsForbiddenWithoutAChallenge() {
            assertAnswerWithoutCookies(http.get("/user/"), 403, Wire.NOT_PROVIDED, VARY_COOKIE, ALLOW_USER);
        }

        @Test
        void anUnknownTokenIsForbidden() {
            assertAnswerWithoutCookies(http.get("/user/", Http.token("ffffffffffffffffffffffffffffffffffffffff")), 403,
                    Wire.INVALID_TOKEN, VARY_COOKIE, ALLOW_USER);
        }

        @Test
        void aMalformedTokenHeaderIsForbidden() {
            assertAnswerWithoutCookies(http.get("/user/", "Authorization", "Token"), 403,
                    "{\"detail\":\"Invalid token header. No credentials provided.\"}", VARY_COOKIE, ALLOW_USER);
        }

        @Test
        void aValidTokenStillAuthenticates() {
            server.createUser("frank", "frank@example.com", PASSWORD);
            String key = Wire.login(http, "frank", PASSWORD);
            Http.Response response = http.get("/user/", Http.token(key));
            assertEquals(200, response.status());
            assertEquals(VARY_COOKIE, response.header("Vary"), "the session was consulted first");
        }
    }

    @Nested
    class MethodUsername extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"authentication_method", "username"};
        }

        @Test
        void aLoginWithAnUnknownUsernameIsRefused() {
            assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("someone", PASSWORD)), 400,
                    CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
        }

        @Test
        void aLoginWithAnEmailOnlyMustIncludeTheUsername() {
            assertAnswerWithoutCookies(http.post("/login/",
                            "{\"email\": \"someone@example.com\", \"password\": \"" + PASSWORD + "\"}"), 400,
                    "{\"non_field_errors\":[\"Must include \\\"username\\\" and \\\"password\\\".\"]}", VARY_COOKIE,
                    ALLOW_POST);
        }

        @Test
        void aLoginByUsernameWorks() {
            server.createUser("gina", "gina@example.com", PASSWORD);
            Wire.login(http, "gina", PASSWORD);
        }
    }

    @Nested
    class MethodEmail extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"authentication_method", "email"};
        }

        @Test
        void aLoginWithAUsernameOnlyMustIncludeTheEmail() {
            assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("someone", PASSWORD)), 400,
                    "{\"non_field_errors\":[\"Must include \\\"email\\\" and \\\"password\\\".\"]}", VARY_COOKIE,
                    ALLOW_POST);
        }

        @Test
        void aLoginWithAnUnknownEmailIsRefused() {
            assertAnswerWithoutCookies(http.post("/login/",
                            "{\"email\": \"someone@example.com\", \"password\": \"" + PASSWORD + "\"}"), 400,
                    CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
        }

        @Test
        void aLoginByEmailWorks() {
            server.createUser("hank", "hank@example.com", PASSWORD);
            Wire.assertKey(http.post("/login/", "{\"email\": \"hank@example.com\", \"password\": \"" + PASSWORD
                    + "\"}"), VARY_COOKIE);
        }
    }

    @Nested
    class OptionalVerification extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"email_verification", "optional"};
        }

        @Test
        void aLoginBeforeVerifyingSucceedsAndOpensASession() {
            createUnverifiedUser("dora");
            Http.Response response = http.post("/login/", Wire.credentials("dora", PASSWORD));
            Wire.assertKey(response, VARY_COOKIE);
            Wire.assertSessionCookies(response);
        }
    }

    @Nested
    class NoVerification extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"email_verification", "none"};
        }

        @Test
        void aLoginBeforeVerifyingSucceedsAndOpensASession() {
            createUnverifiedUser("dora");
            Http.Response response = http.post("/login/", Wire.credentials("dora", PASSWORD));
            Wire.assertKey(response, VARY_COOKIE);
            Wire.assertSessionCookies(response);
        }
    }

    @Nested
    class OptionalVerificationWithoutSessionLogin extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"email_verification", "optional", "session_login", "false"};
        }

        @Test
        void aLoginBeforeVerifyingSucceedsWithoutCookies() {
            createUnverifiedUser("dora");
            Http.Response response = http.post("/login/", Wire.credentials("dora", PASSWORD));
            Wire.assertKey(response, VARY_COOKIE);
            Wire.assertNoCookies(response);
        }

        @Test
        void logoutByTokenDoesNotTouchTheSession() {
            createUnverifiedUser("ella");
            String key = Wire.login(http, "ella", PASSWORD);
            assertAnswerWithoutCookies(http.send("POST", "/logout/", null, null, Http.token(key)), 200,
                    "{\"detail\":\"Successfully logged out.\"}", Wire.VARY_ACCEPT, ALLOW_POST);
        }
    }

    @Nested
    class OldPasswordRequired extends Configuration {
        @Override
        String[] settings() {
            return new String[] {"old_password_field_enabled", "true"};
        }

        @Test
        void aWrongOldPasswordIsRefused() {
            server.createUser("ivan", "ivan@example.com", PASSWORD);
            String key = Wire.login(http, "ivan", PASSWORD);
            assertAnswerWithoutCookies(http.post("/password/change/", "{\"old_password\": \"definitely-wrong\", "
                            + "\"new_password1\": \"N3w-Tr0ub4dor&3x\", \"new_password2\": \"N3w-Tr0ub4dor&3x\"}",
                    Http.token(key)), 400,
                    "{\"old_password\":[\"Your old password was entered incorrectly. Please enter it again.\"]}",
                    Wire.VARY_ACCEPT, ALLOW_POST);
        }

        @Test
        void theRightOldPasswordIsAccepted() {
            server.createUser("jane", "jane@example.com", PASSWORD);
            String key = Wire.login(http, "jane", PASSWORD);
            assertEquals(200, http.post("/password/change/", "{\"old_password\": \"" + PASSWORD + "\", "
                    + "\"new_password1\": \"N3w-Tr0ub4dor&3x\", \"new_password2\": \"N3w-Tr0ub4dor&3x\"}",
                    Http.token(key)).status());
            Wire.login(http, "jane", "N3w-Tr0ub4dor&3x");
        }
    }
}
