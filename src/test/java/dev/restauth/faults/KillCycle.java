package dev.restauth.faults;

import com.google.gson.JsonParser;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One kill -9 under a write load, and the count of what is missing after a restart: a few clients sign up, a few
 * change their own password again and again, each logging what the server acknowledged; the server is killed
 * mid-load, started again on the same database, and every acknowledged write is looked for through the API.
 */
final class KillCycle {
    static final String PASSWORD = "Kill-Nine-Survivor-42";

    /** What one cycle acknowledged and what of it was missing after the restart. */
    record Result(int signUps, int passwordChanges, List<String> lost) {
    }

    private KillCycle() {
    }

    /**
     * Runs one cycle against a server started from {@code config}.
     *
     * @param tag          distinguishes this cycle's user names from those of earlier cycles on the same database
     * @param loadMillis   how long the load runs before the kill
     */
    static Result run(Path config, String tag, int signUpClients, int changers, long loadMillis) throws Exception {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        String[] tokens = new String[changers];
        String[] acknowledged = new String[changers];
        String[] inFlight = new String[changers];
        int[] changes = new int[changers];
        try (ChildServer first = ChildServer.start(config)) {
            for (int c = 0; c < changers; c++) {
                tokens[c] = JsonParser.parseString(expect(201, first.post("/rest-auth/registration/",
                        registration(tag + "changer" + c), null)).body()).getAsJsonObject().get("key").getAsString();
                acknowledged[c] = PASSWORD;
            }
            Acknowledged load = new Acknowledged();
            for (int c = 0; c < signUpClients; c++) {
                String prefix = tag + "k" + c + "x";
                load.client("sign-ups " + c, n -> {
                    expect(201, first.post("/rest-auth/registration/", registration(prefix + n), null));
                    registered.add(prefix + n);
                });
            }
            for (int c = 0; c < changers; c++) {
                int changer = c;
                load.client("password changes " + c, n -> {
                    String next = "Changed-" + changer + "-" + n + "-Password";
                    inFlight[changer] = next;
                    expect(200, first.post("/rest-auth/password/change/", "{\"new_password1\":\"" + next
                            + "\",\"new_password2\":\"" + next + "\"}", tokens[changer]));
                    acknowledged[changer] = next;
                    changes[changer]++;
                });
            }
            Thread.sleep(loadMillis);
            first.kill();
            load.stop();
        }

        List<String> lost = new ArrayList<>();
        try (ChildServer second = ChildServer.start(config)) {
            for (String username : registered) {
                if (login(second, username, PASSWORD) != 200) {
                    lost.add("sign-up of " + username);
                }
            }
            for (int c = 0; c < changers; c++) {
                String username = tag + "changer" + c;
                // The change in flight at the kill may have committed unanswered: its password is no loss.
                if (login(second, username, acknowledged[c]) != 200
                        && (inFlight[c] == null || login(second, username, inFlight[c]) != 200)) {
                    lost.add("password change of " + username + " to " + acknowledged[c]);
                }
            }
            second.stop();
        }
        int changed = 0;
        for (int count : changes) {
            changed += count;
        }
        return new Result(registered.size(), changed, lost);
    }

    static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
    }

    static int login(ChildServer server, String username, String password) throws Exception {
        return server.post("/rest-auth/login/", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}", null).statusCode();
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
