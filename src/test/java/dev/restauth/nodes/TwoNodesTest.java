package dev.restauth.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many nodes, one database: two restauth nodes, each its own {@code RestAuth} with its own connection pool behind its
 * own Jetty on its own port, share one database as they would behind a load balancer, and each answers for what the
 * other did. They start at the same moment on the empty database, so they also migrate it together.
 *
 * <p>Each step is a method named for what it shows and asserts the exact status and body of every answer. Mail goes
 * to one real SMTP server (GreenMail); both nodes send from the shared outbox at the same moment, and every mail
 * arrives exactly once.
 */
class TwoNodesTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "correct horse battery staple";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB", "H2_SERVER"})
    void eitherNodeAnswersForWhatTheOtherDid(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); Smtp smtp = Smtp.start()) {
            List<TestServer> nodes = startTogether(database, smtp);
            try {
                Scenario scenario = new Scenario(nodes.get(0), nodes.get(1), smtp);
                scenario.registerOnA();
                scenario.confirmationMailSentOnceByBothNodes();
                scenario.verifyEmailOnB();
                scenario.loginOnA();
                scenario.readUserOnB();
                scenario.sessionFromAWorksOnB();
                scenario.changePasswordOnB();
                scenario.sessionOnAEndedByTheChangeOnB();
                scenario.oldPasswordRefusedOnA();
                scenario.newPasswordAcceptedOnA();
                scenario.logoutOnA();
                scenario.tokenRefusedOnB();
                scenario.resetMailsSentOnceEachByBothNodes();
            } finally {
                nodes.forEach(TestServer::close);
            }
        }
    }

    /** One user's way through the two nodes, A and B; the steps run in the order the test calls them. */
    private static final class Scenario {
        private static final Pattern KEY_LINK = Pattern.compile("/account-confirm-email/([-:\\w]+)/");
        private static final int RESETS = 6;

        private final TestServer a;
        private final TestServer b;
        private final Smtp smtp;
        private long alicePk;
        private String confirmationKey;
        private String key;
        private String sessionId;
        private String csrfToken;

        Scenario(TestServer a, TestServer b, Smtp smtp) {
            this.a = a;
            this.b = b;
            this.smtp = smtp;
        }

        void registerOnA() {
            assertAnswer(201, "{\"detail\":\"Verification e-mail sent.\"}", a.http().post("/registration/",
                    "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password1\":\"" + PASSWORD
                            + "\",\"password2\":\"" + PASSWORD + "\"}"));
            assertAnswer(400, "{\"non_field_errors\":[\"E-mail is not verified.\"]}",
                    b.http().post("/login/", credentials(PASSWORD)));
        }

        /** Both nodes look at the outbox at the same moment; the confirmation mail arrives once. */
        void confirmationMailSentOnceByBothNodes() throws Exception {
            assertEquals(1, deliverFromBothNodes());
            assertEquals(1, smtp.messages().size());
            Matcher link = KEY_LINK.matcher(Smtp.text(smtp.messages().get(0)));
            assertTrue(link.find());
            confirmationKey = link.group(1);
        }

        void verifyEmailOnB() {
            assertAnswer(200, "{\"detail\":\"ok\"}", b.http().post("/registration/verify-email/",
                    "{\"key\":\"" + confirmationKey + "\"}"));
            assertAnswer(404, "{\"detail\":\"Not found.\"}", a.http().post("/registration/verify-email/",
                    "{\"key\":\"" + confirmationKey + "\"}"));
        }

        void loginOnA() {
            Http.Response login = a.http().post("/login/", credentials(PASSWORD));
            assertEquals(200, login.status(), login.toString());
            assertTrue(login.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), login.body());
            key = login.json().get("key").getAsString();
            sessionId = login.cookie("sessionid");
            csrfToken = login.cookie("csrftoken");
            assertNotNull(sessionId, login.setCookies().toString());
            assertNotNull(csrfToken, login.setCookies().toString());
        }

        void readUserOnB() {
            alicePk = b.http().get("/user/", Http.token(key)).json().get("pk").getAsLong();
            assertAnswer(200, userJson(""), b.http().get("/user/", Http.token(key)));
        }

        /** A's session cookie authenticates on B, and A's CSRF token guards it there; B's change is read on A. */
        void sessionFromAWorksOnB() {
            String cookies = "sessionid=" + sessionId + "; csrftoken=" + csrfToken;
            assertAnswer(200, userJson(""), b.http().get("/user/", "Cookie", cookies));
            assertAnswer(403, "{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}",
                    b.http().patch("/user/", "{\"first_name\":\"Alice\"}", "Cookie", cookies));
            assertAnswer(200, userJson("Alice"), b.http().patch("/user/", "{\"first_name\":\"Alice\"}",
                    "Cookie", cookies, "X-CSRFToken", csrfToken));
            assertAnswer(200, userJson("Alice"), a.http().get("/user/", Http.token(key)));
        }

        void changePasswordOnB() {
            assertAnswer(200, "{\"detail\":\"New password has been saved.\"}", b.http().post("/password/change/",
                    "{\"new_password1\":\"" + NEW_PASSWORD + "\",\"new_password2\":\"" + NEW_PASSWORD + "\"}",
                    Http.token(key)));
        }

        /** A password change through a token ends every session of the user, on every node. */
        void sessionOnAEndedByTheChangeOnB() {
            assertAnswer(401, "{\"detail\":\"Authentication credentials were not provided.\"}",
                    a.http().get("/user/", "Cookie", "sessionid=" + sessionId));
        }

        void oldPasswordRefusedOnA() {
            assertAnswer(400, "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}",
                    a.http().post("/login/", credentials(PASSWORD)));
        }

        /** The token survived the change (as in dj-rest-auth): A hands out the key B knows. */
        void newPasswordAcceptedOnA() {
            assertAnswer(200, "{\"key\":\"" + key + "\"}", a.http().post("/login/", credentials(NEW_PASSWORD)));
        }

        void logoutOnA() {
            assertAnswer(200, "{\"detail\":\"Successfully logged out.\"}",
                    a.http().send("POST", "/logout/", null, null, Http.token(key)));
        }

        void tokenRefusedOnB() {
            assertAnswer(401, "{\"detail\":\"Invalid token.\"}", b.http().get("/user/", Http.token(key)));
        }

        /** Reset mails requested on either node, sent by both at once: each arrives exactly once. */
        void resetMailsSentOnceEachByBothNodes() throws Exception {
            smtp.purge();
            for (int i = 0; i < RESETS; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                assertAnswer(200, "{\"detail\":\"Password reset e-mail has been sent.\"}",
                        node.http().post("/password/reset/", "{\"email\":\"alice@example.com\"}"));
            }
            // Six rows were queued; a row sent twice would raise both counts above six. (The mails' texts may
            // repeat: reset tokens made in the same second for the same user are the same token.)
            assertEquals(RESETS, deliverFromBothNodes());
            assertEquals(RESETS, smtp.messages().size());
        }

        /** Both nodes deliver what is due, from two threads released together; returns how many mails they sent. */
        private int deliverFromBothNodes() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (TestServer node : List.of(a, b)) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return node.app().outboxSender().deliverDue();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : sent) {
                total += count.get();
            }
            threads.shutdown();
            return total;
        }

        private String userJson(String firstName) {
            return "{\"pk\":" + alicePk + ",\"username\":\"alice\",\"email\":\"alice@example.com\","
                    + "\"first_name\":\"" + firstName + "\",\"last_name\":\"\"}";
        }

        private static String credentials(String password) {
            return "{\"username\":\"alice\",\"password\":\"" + password + "\"}";
        }

        private static void assertAnswer(int status, String body, Http.Response response) {
            assertEquals(status + " " + body, response.toString());
        }
    }

    /** Two nodes on {@code database}, started at the same moment, each with its own pool from the URL. */
    private static List<TestServer> startTogether(TestDatabase database, Smtp smtp) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestServer>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starting.add(threads.submit(() -> {
                start.await();
                return TestServer.builder()
                        .setting("database_url", database.jdbcUrl())
                        .setting("database_user", database.user())
                        .mailTo(smtp.port())
                        .start();
            }));
        }
        start.countDown();
        List<TestServer> nodes = new ArrayList<>();
        Throwable failure = null;
        for (Future<TestServer> node : starting) {
            try {
                nodes.add(node.get());
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
        }
        threads.shutdown();
        if (failure != null) {
            nodes.forEach(TestServer::close);
            throw new AssertionError("a node did not start", failure);
        }
        return nodes;
    }
}
