package dev.restauth.faults;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One full-disk episode under the default database (an H2 file on a {@link SmallDisk}): sign-ups, the disk filled,
 * more sign-ups until the server has refused some, the space freed, sign-ups until one is taken again; then the file
 * is opened by a new server and every acknowledged sign-up looked for.
 */
final class DiskFullEpisode {
    private static final String PASSWORD = "Disk-Full-Survivor-42";

    /**
     * What one episode saw: the acknowledged sign-ups, those refused while the disk was full, the statuses answered
     * (a status other than 201 and 503 with its body), whether writes were taken again, and what was lost.
     */
    record Result(int acknowledged, int refused, Set<String> answers, boolean recovered, List<String> lost) {
    }

    private DiskFullEpisode() {
    }

    static Result run(SmallDisk disk, String url, String tag) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        Set<String> answers = new TreeSet<>();
        int refused = 0;
        int status = 0;
        try (TestServer server = server(url)) {
            for (int i = 0; i < 20; i++) {
                register(server, tag + "before" + i, acknowledged, answers);
            }
            disk.fill();
            for (int i = 0; i < 2000 && refused < 20; i++) {
                if (register(server, tag + "full" + i, acknowledged, answers) != 201) {
                    refused++;
                }
            }
            disk.free();
            for (int i = 0; i < 300 && status != 201; i++) {
                status = register(server, tag + "after" + i, acknowledged, answers);
                if (status != 201) {
                    Thread.sleep(100); // the breaker lets a call through again within a second
                }
            }
        }
        List<String> lost = new ArrayList<>();
        try (TestServer again = server(url)) {
            for (String username : acknowledged) {
                if (again.http().post("/login/", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                        + "\"}").status() != 200) {
                    lost.add(username);
                }
            }
        }
        return new Result(acknowledged.size(), refused, answers, status == 201, lost);
    }

    private static TestServer server(String url) {
        return TestServer.builder().setting("database_url", url).setting("email_verification", "none")
                .setting("session_login", "false").start();
    }

    private static int register(TestServer server, String username, List<String> acknowledged, Set<String> answers) {
        Http.Response response = server.http().post("/registration/", "{\"username\":\"" + username
                + "\",\"email\":\"" + username + "@example.com\",\"password1\":\"" + PASSWORD + "\",\"password2\":\""
                + PASSWORD + "\"}");
        answers.add(response.status() == 201 || response.status() == 503 ? "" + response.status()
                : response.status() + " " + response.body());
        if (response.status() == 201) {
            acknowledged.add(username);
        }
        return response.status();
    }
}
