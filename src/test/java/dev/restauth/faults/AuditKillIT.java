package dev.restauth.faults;

import static dev.restauth.faults.KillCycle.PASSWORD;
import static dev.restauth.faults.KillCycle.expect;
import static dev.restauth.faults.KillCycle.login;
import static dev.restauth.faults.KillCycle.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestDatabase.Kind;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kill -9 under a load of changes the security log records: a committed change always has its row, and a change that
 * did not happen has none, however the kill fell. Some clients change their password again and again, others add
 * e-mail addresses; after a restart on the same database, for every change attempted (the one the kill caught
 * unanswered too), the change took effect if and only if its row is in the user's {@code security-log/}.
 */
class AuditKillIT {
    private static final int CLIENTS = 2;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void aChangeHasItsRowIfAndOnlyIfItTookEffectWhenTheProcessIsKilled(Kind kind) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("email_verification", "none"));
        // H2: no database_url, so the server uses the file database every `make run` gets.
        try (TestDatabase database = kind == Kind.H2 ? null : TestDatabase.create(kind)) {
            if (database != null) {
                settings.put("database_url", database.jdbcUrl());
                settings.put("database_user", database.user());
            }
            Path config = ChildServer.config(dir, settings);
            Changer[] changers = new Changer[CLIENTS];
            Adder[] adders = new Adder[CLIENTS];
            try (ChildServer first = ChildServer.start(config)) {
                Acknowledged load = new Acknowledged();
                for (int c = 0; c < CLIENTS; c++) {
                    Changer changer = changers[c] = new Changer(signUp(first, "changer" + c));
                    load.client("password changes " + c, n -> changer.change(first, "Changed-" + n + "-Password"));
                    Adder adder = adders[c] = new Adder(signUp(first, "adder" + c));
                    expect(200, first.post("/rest-auth/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}",
                            adder.token));
                    String prefix = "added" + c + "x";
                    load.client("e-mail additions " + c, n -> adder.add(first, prefix + n + "@example.com"));
                }
                Thread.sleep(2_000);
                first.kill();
                load.stop();
            }

            List<String> wrong = new ArrayList<>();
            int changes = 0;
            int additions = 0;
            int unanswered = 0;
            try (ChildServer second = ChildServer.start(config)) {
                for (Changer changer : changers) {
                    changes += changer.acknowledged;
                    unanswered += changer.check(second, wrong) ? 1 : 0;
                }
                for (Adder adder : adders) {
                    additions += adder.acknowledged.size();
                    unanswered += adder.check(second, wrong) ? 1 : 0;
                }
                second.stop();
            }
            System.out.println("security log across a kill on " + kind + ": " + changes + " password changes and "
                    + additions + " e-mail additions acknowledged; of the requests the kill left unanswered, "
                    + unanswered + " took effect");
            assertTrue(changes > 0 && additions > 0, kind + ": the load wrote before the kill (" + changes
                    + " password changes, " + additions + " e-mail additions acknowledged)");
            assertEquals(List.of(), wrong, kind + ": of " + changes + " acknowledged password changes and "
                    + additions + " e-mail additions (and the requests the kill caught), these disagree with the log");
        }
    }

    /** Signs a user up (logged in at once) and returns the token. */
    private static String signUp(ChildServer server, String username) throws Exception {
        return JsonParser.parseString(expect(201, server.post("/rest-auth/registration/", registration(username),
                null)).body()).getAsJsonObject().get("key").getAsString();
    }

    /** The {@code detail} of each of the user's events named {@code event}, through every page of the log. */
    private static List<String> logged(ChildServer server, String token, String event) throws Exception {
        List<String> details = new ArrayList<>();
        String page = "/rest-auth/security-log/";
        while (page != null) {
            JsonObject body = JsonParser.parseString(expect(200, server.get(page, token)).body()).getAsJsonObject();
            for (JsonElement row : body.getAsJsonArray("results")) {
                if (row.getAsJsonObject().get("event").getAsString().equals(event)) {
                    details.add(row.getAsJsonObject().get("detail").getAsString());
                }
            }
            page = body.get("next").isJsonNull() ? null : body.get("next").getAsString();
        }
        return details;
    }

    /** A user who changes the password, one change after the other; its token outlives the changes. */
    private static final class Changer {
        final String token;
        int acknowledged;
        String current = PASSWORD;
        String inFlight;

        Changer(String token) {
            this.token = token;
        }

        void change(ChildServer server, String next) throws Exception {
            inFlight = next;
            expect(200, server.post("/rest-auth/password/change/", "{\"new_password1\":\"" + next
                    + "\",\"new_password2\":\"" + next + "\"}", token));
            current = next;
            inFlight = null;
            acknowledged++;
        }

        /**
         * The changes that took effect (the acknowledged ones, and the one in flight if it logs in) against the rows;
         * returns whether the one in flight took effect.
         */
        boolean check(ChildServer server, List<String> wrong) throws Exception {
            String username = JsonParser.parseString(expect(200, server.get("/rest-auth/user/", token)).body())
                    .getAsJsonObject().get("username").getAsString();
            boolean inFlightTookEffect = inFlight != null && login(server, username, inFlight) == 200;
            if (!inFlightTookEffect && login(server, username, current) != 200) {
                wrong.add(username + ": neither the acknowledged password nor the one in flight logs in");
                return false;
            }
            int tookEffect = acknowledged + (inFlightTookEffect ? 1 : 0);
            int rows = logged(server, token, "password_change").size();
            if (rows != tookEffect) {
                wrong.add(username + ": " + tookEffect + " password changes took effect, " + rows
                        + " password_change rows");
            }
            return inFlightTookEffect;
        }
    }

    /** A user who adds e-mail addresses, one after the other, after one re-authentication. */
    private static final class Adder {
        final String token;
        final List<String> attempted = new ArrayList<>();
        final Set<String> acknowledged = new HashSet<>();

        Adder(String token) {
            this.token = token;
        }

        void add(ChildServer server, String email) throws Exception {
            attempted.add(email);
            expect(200, server.post("/rest-auth/emails/", "{\"email\":\"" + email + "\"}", token));
            acknowledged.add(email);
        }

        /**
         * Each address attempted: listed at {@code emails/} if and only if an {@code email_added} row names it;
         * returns whether the one the kill left unanswered was added.
         */
        boolean check(ChildServer server, List<String> wrong) throws Exception {
            Set<String> listed = new HashSet<>();
            for (JsonElement address : JsonParser.parseString(expect(200, server.get("/rest-auth/emails/", token))
                    .body()).getAsJsonArray()) {
                listed.add(address.getAsJsonObject().get("email").getAsString());
            }
            Set<String> logged = new HashSet<>(logged(server, token, "email_added"));
            for (String email : attempted) {
                if (listed.contains(email) != logged.contains(email)) {
                    wrong.add(email + (listed.contains(email) ? " is listed without its row" : " has a row but is "
                            + "not listed"));
                }
                if (acknowledged.contains(email) && !listed.contains(email)) {
                    wrong.add(email + " was acknowledged but is lost");
                }
            }
            Set<String> unattempted = new HashSet<>(logged);
            attempted.forEach(unattempted::remove);
            if (!unattempted.isEmpty()) {
                wrong.add("rows for addresses never sent: " + unattempted);
            }
            return attempted.stream().anyMatch(email -> !acknowledged.contains(email) && listed.contains(email));
        }
    }
}
