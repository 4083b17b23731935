package dev.restauth.endpoint.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Codes and tokens are single-use however many requests race with them, on every database restauth runs on: one
 * TOTP code sent with eight ephemeral tokens at once logs in once; so does one recovery code; one ephemeral token
 * sent with two good codes at once logs in once.
 */
class MfaRaceTest {
    private static final int RACERS = 8;
    private static final String CREDENTIALS = "{\"username\":\"alice\",\"password\":\"" + MfaLoginTest.PASSWORD
            + "\"}";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void racingUsesOfOneCodeOrOneTokenSucceedOnce(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer server = TestServer.builder().dataSource(database.dataSource()).clock(clock)
                     .setting("mfa_enabled", "true").start()) {
            server.createUser("alice", "alice@example.com", MfaLoginTest.PASSWORD);
            String key = server.login("alice", MfaLoginTest.PASSWORD);
            AuthenticatorApp app = AuthenticatorApp.activate(server.http(), clock, Http.token(key));

            String code = app.code();
            assertEquals(outcomes(1, RACERS - 1, "400 " + MfaLoginTest.INVALID_CODE),
                    race(server, tokens(server, RACERS), i -> code));

            String recovery = app.recoveryCodes().get(0);
            assertEquals(outcomes(1, RACERS - 1, "400 " + MfaLoginTest.INVALID_CODE),
                    race(server, tokens(server, RACERS), i -> recovery));

            String token = tokens(server, 1).get(0);
            List<String> one = Collections.nCopies(2, token);
            String other = app.recoveryCodes().get(1);
            String next = app.codeStepsAgo(-1);
            assertEquals(outcomes(1, 1, "400 " + MfaLoginTest.INVALID_TOKEN),
                    race(server, one, i -> i == 0 ? next : other));
        }
    }

    private static List<String> tokens(TestServer server, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(server.http().post("/login/", CREDENTIALS).json().get("ephemeral_token").getAsString());
        }
        return tokens;
    }

    /** Each token verified with its code, all at once; the answers counted: "200" for a login, else the body. */
    private static Map<String, Integer> race(TestServer server, List<String> tokens,
                                             java.util.function.IntFunction<String> codes) throws Exception {
        List<String> answers = Parallel.run(tokens.size(), i -> {
            Http.Response response = server.http().post("/mfa/verify/", "{\"ephemeral_token\":\"" + tokens.get(i)
                    + "\",\"code\":\"" + codes.apply(i) + "\"}");
            return response.status() == 200 ? "200" : response.toString();
        });
        Map<String, Integer> counted = new TreeMap<>();
        answers.forEach(answer -> counted.merge(answer, 1, Integer::sum));
        return counted;
    }

    private static Map<String, Integer> outcomes(int logins, int refusals, String refusal) {
        Map<String, Integer> expected = new TreeMap<>();
        expected.put("200", logins);
        expected.put(refusal, refusals);
        return expected;
    }
}
