package dev.restauth.faults;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default database, an H2 file, on a disk that fills up: a write that did not reach the file is not
 * acknowledged, requests meanwhile get 503 (never 500), the server takes writes again by itself once space is back,
 * and the file opens afterwards with every acknowledged write in it.
 */
class DiskFullTest {
    private static final String PASSWORD = "Disk-Full-Survivor-42";

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheWritesItRefusesAndTheServerRecoversWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 16)) {
            String url = "jdbc:h2:file:" + disk.path().resolve("data/restauth") + ";DB_CLOSE_ON_EXIT=FALSE";
            List<String> acknowledged = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            try (TestServer server = server(url)) {
                for (int i = 0; i < 20; i++) {
                    register(server, "before" + i, acknowledged, answers);
                }
                disk.fill();
                int refused = 0;
                for (int i = 0; i < 2000 && refused < 20; i++) {
                    if (register(server, "full" + i, acknowledged, answers) != 201) {
                        refused++;
                    }
                }
                assertTrue(refused > 0, "the full disk refused writes: " + answers.size() + " answers");
                disk.free();
                int status = 0;
                for (int i = 0; i < 300 && status != 201; i++) {
                    status = register(server, "after" + i, acknowledged, answers);
                    if (status != 201) {
                        Thread.sleep(100);
                    }
                }
                assertEquals(201, status, "writes are taken again once space is back");
            }
            assertEquals(Set.of("201", "503"), Set.copyOf(answers), "every answer a 201 or a 503: " + answers);

            try (TestServer again = server(url)) {
                List<String> lost = new ArrayList<>();
                for (String username : acknowledged) {
                    if (again.http().post("/login/", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                            + "\"}").status() != 200) {
                        lost.add(username);
                    }
                }
                assertEquals(List.of(), lost, "acknowledged sign-ups lost, of " + acknowledged.size());
            }
        }
    }

    private static TestServer server(String url) {
        return TestServer.builder().setting("database_url", url).setting("email_verification", "none")
                .setting("session_login", "false").start();
    }

    private static int register(TestServer server, String username, List<String> acknowledged, List<String> answers) {
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
