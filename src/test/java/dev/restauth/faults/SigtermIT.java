package dev.restauth.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while requests are in flight: the server stops taking new ones, answers every one it took, and only then
 * closes its database.
 */
class SigtermIT {
    private static final String PASSWORD = "Graceful-Stop-Survivor-42";

    @TempDir
    Path dir;

    @Test
    void everyRequestInFlightAtSigtermIsAnsweredAndKept() throws Exception {
        // One hashing thread and a costlier hash: the sign-ups queue behind each other, so the stop finds them in
        // flight.
        Path config = ChildServer.config(dir, Map.of("email_verification", "none", "hashing_threads", "1",
                "argon2_memory_kib", "16384", "argon2_iterations", "2"));
        int requests = 6;
        List<Integer> statuses = new ArrayList<>();
        String output;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try (ChildServer server = ChildServer.start(config)) {
            CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
            List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String username = "term" + i;
                inFlight.add(clients.submit(() -> {
                    HttpResponse<String> answer = server.post("/rest-auth/registration/", registration(username),
                            null);
                    firstAnswer.complete(null);
                    return answer;
                }));
            }
            firstAnswer.get(); // the server is working through them: the rest are in its hands now
            server.terminate();
            for (Future<HttpResponse<String>> answer : inFlight) {
                statuses.add(answer.get().statusCode()); // an unanswered request throws here
            }
            output = server.stop();
        } finally {
            clients.shutdownNow();
        }

        assertEquals(List.of(201, 201, 201, 201, 201, 201), statuses);
        assertTrue(output.contains("restauth - Shutdown completed."), "the database was closed:\n" + output);
        try (ChildServer again = ChildServer.start(config)) {
            for (int i = 0; i < requests; i++) {
                assertEquals(200, again.post("/rest-auth/login/", "{\"username\":\"term" + i + "\",\"password\":\""
                        + PASSWORD + "\"}", null).statusCode(), "term" + i + " was kept");
            }
            again.stop();
        }
    }

    private static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
    }
}
