package dev.restauth.faults;

import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestDatabase.Kind;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.restauth.faults.KillCycle.expect;
import static dev.restauth.faults.KillCycle.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 under a write load: what the server acknowledged (a 201 for a sign-up, a 200 for a password change) is
 * there after a restart, on every database; and a mail goes out once, however the kill fell.
 */
class KillIT {
        @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void nothingAcknowledgedIsLostWhenTheProcessIsKilled(Kind kind) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("email_verification", "none"));
        // H2: no database_url, so the server uses the file database every `make run` gets.
        try (TestDatabase database = kind == Kind.H2 ? null : TestDatabase.create(kind)) {
            if (database != null) {
                settings.put("database_url", database.jdbcUrl());
                settings.put("database_user", database.user());
            }
            KillCycle.Result result = KillCycle.run(ChildServer.config(dir, settings), "", 2, 2, 2_000);

            assertTrue(result.signUps() > 0 && result.passwordChanges() > 0, "the load wrote before the kill: "
                    + result);
            assertEquals(List.of(), result.lost(), kind + ": of " + result.signUps() + " acknowledged sign-ups and "
                    + result.passwordChanges() + " password changes, these were lost");
        }
    }

    @Test
    void aMailSentBeforeTheKillIsNotSentAgain() throws Exception {
        try (Smtp smtp = Smtp.start()) {
            Path config = ChildServer.config(dir, Map.of(
                    "email_verification", "mandatory",
                    "email_backend", "smtp",
                    "email_host", "127.0.0.1",
                    "email_port", Integer.toString(smtp.port()),
                    "outbox_poll_interval", "1"));
            List<String> registered = Collections.synchronizedList(new ArrayList<>());
            try (ChildServer first = ChildServer.start(config)) {
                // One sign-up and its mail first, so the sender is under way when the load begins.
                expect(201, first.post("/rest-auth/registration/", registration("warmup"), null));
                registered.add("warmup@example.com");
                assertTrue(smtp.await(1), "the first mail arrived");
                Acknowledged load = new Acknowledged();
                for (int c = 0; c < 2; c++) {
                    String prefix = "m" + c + "x";
                    load.client("sign-ups " + c, n -> {
                        expect(201, first.post("/rest-auth/registration/", registration(prefix + n), null));
                        registered.add(prefix + n + "@example.com");
                        Thread.sleep(50); // a pace the sender keeps up with, so mail goes out all along
                    });
                }
                Thread.sleep(2_000);
                first.kill();
                load.stop();
            }
            int sentBeforeTheKill = smtp.messages().size();
            System.out.println("mail across a kill: " + registered.size() + " sign-ups acknowledged, "
                    + sentBeforeTheKill + " mails sent before the kill");

            try (ChildServer second = ChildServer.start(config)) {
                // Every acknowledged sign-up's mail arrives, but one: the mail the kill caught between its claim
                // and its hand-over to SMTP waits out its claim's lease (a quarter of an hour).
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline && unsent(smtp, registered).size() > 1) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_500); // two more rounds of the sender: a mail it would send twice would be out now
                second.stop();
            }

            Map<String, Integer> received = received(smtp);
            List<String> twice = new ArrayList<>();
            received.forEach((recipient, count) -> {
                if (count > 1) {
                    twice.add(recipient + " x" + count);
                }
            });
            assertTrue(sentBeforeTheKill > 0 && registered.size() > 0, "mail went out before the kill");
            assertEquals(List.of(), twice, "mails sent twice (" + sentBeforeTheKill + " sent before the kill, "
                    + registered.size() + " sign-ups acknowledged)");
            assertTrue(unsent(smtp, registered).size() <= 1, "acknowledged sign-ups without their mail: "
                    + unsent(smtp, registered));
        }
    }

    private static List<String> unsent(Smtp smtp, List<String> registered) {
        Map<String, Integer> received = received(smtp);
        List<String> unsent = new ArrayList<>();
        Acknowledged.forEach(registered, address -> {
            if (!received.containsKey(address)) {
                unsent.add(address);
            }
        });
        return unsent;
    }

    private static Map<String, Integer> received(Smtp smtp) {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.messages()) {
            try {
                counts.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }
}
