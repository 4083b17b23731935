package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * 200 failed logins at once, released by one gate, on each database: exactly the configured number get through to
 * the password check (400) and the rest are throttled (429); nothing fails (no 500, and the hashing queue of the
 * test servers is large enough for no 503).
 */
class LoginFloodTest {
    private static final int FLOOD = 200;
    private static final String WRONG = "wrong-Tr0ub4dor&3x";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoHundredParallelFailuresFromOneIpGetExactlyTheConfiguredNumberOf400s(TestDatabase.Kind kind)
            throws Exception {
        Map<Integer, Integer> statuses = flood(kind, Map.of("throttle_login_failed", "7/5m"),
                i -> new String[0]);
        assertEquals(Map.of(400, 7, 429, FLOOD - 7), statuses);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoHundredParallelFailuresFromTwoHundredIpsStopAtExactlyTheLockoutLimit(TestDatabase.Kind kind)
            throws Exception {
        Map<Integer, Integer> statuses = flood(kind, Map.of("trusted_proxies", "1", "throttle_login_lockout", "13/h"),
                i -> new String[] {"X-Forwarded-For", "198.51." + (100 + i / 250) + "." + (1 + i % 250)});
        assertEquals(Map.of(400, 13, 429, FLOOD - 13), statuses);
    }

    /** Status code → how many of the flood's answers had it. */
    private static Map<Integer, Integer> flood(TestDatabase.Kind kind, Map<String, String> settings,
                                               IntFunction<String[]> headers) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            TestServer.Builder builder = TestServer.builder().clock(MutableClock.startingNow())
                    .dataSource(database.dataSource()).setting("throttle_enabled", "true");
            settings.forEach(builder::setting);
            try (TestServer server = builder.start()) {
                server.createUser("alice", "alice@example.com", "Tr0ub4dor&3x");
                Http http = server.http();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Http.Response response : Parallel.run(FLOOD,
                        i -> http.post("/login/", Wire.credentials("alice", WRONG), headers.apply(i)))) {
                    statuses.merge(response.status(), 1, Integer::sum);
                }
                return statuses;
            }
        }
    }
}
