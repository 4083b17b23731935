package dev.restauth.endpoint.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.db.Sql;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fifty sign-ups racing for one username, and for one address in fifty letter cases: exactly one wins, the others
 * get the field error, none a server error, and one row is written. On every database restauth runs on.
 */
class RegistrationRaceTest {
    private static final int RACERS = 50;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftySignUpsForOneUsernameMakeOneAccount(TestDatabase.Kind kind) throws Exception {
        race(kind, i -> body("racer", "racer" + i + "@example.com"), "username",
                "SELECT COUNT(*) FROM restauth_user WHERE username_key = 'racer'");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftySignUpsForOneAddressInDifferentCaseMakeOneAccount(TestDatabase.Kind kind) throws Exception {
        race(kind, i -> body("racer" + i, mixedCase("shared.racer@example.com", i)), "email",
                "SELECT COUNT(*) FROM restauth_email_address WHERE email_key = 'shared.racer@example.com'");
    }

    private static void race(TestDatabase.Kind kind, IntFunction<String> bodies, String field, String countSql)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer server = TestServer.builder().dataSource(database.dataSource())
                     .setting("hashing_threads", "4").start()) {
            ExecutorService pool = Executors.newFixedThreadPool(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String body = bodies.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return server.http().post("/registration/", body);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    assertEquals(400, response.status(), response.body());
                    assertEquals(List.of(field), new ArrayList<>(response.json().keySet()), response.body());
                }
            }
            pool.shutdown();
            assertEquals(1, created);
            long rows = server.app().database().inTransaction(c -> Sql.one(c, countSql, r -> r.getLong(1)))
                    .orElseThrow();
            assertEquals(1, rows);
        }
    }

    private static String body(String username, String email) {
        return "{\"username\": \"" + username + "\", \"email\": \"" + email + "\", \"password1\": "
                + "\"Tr0ub4dor&3x\", \"password2\": \"Tr0ub4dor&3x\"}";
    }

    /** The address with the letters chosen by the bits of {@code n} in upper case. */
    private static String mixedCase(String email, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            out.append((n >> (i % 6) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
