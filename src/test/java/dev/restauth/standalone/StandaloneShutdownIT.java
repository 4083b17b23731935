package dev.restauth.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server, as {@code make run} starts it, stopped the way a user stops it (Ctrl-C, or SIGTERM from a
 * process manager) right after a write: it closes its database before the JVM exits, and the write is there after
 * a restart.
 */
class StandaloneShutdownIT {
    private static final Pattern SERVING = Pattern.compile("restauth serving http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aStoppedServerClosesItsDatabaseAndKeepsTheLastWrite() throws Exception {
        Path config = Files.writeString(dir.resolve("restauth.properties"), String.join("\n",
                "secret_key=standalone-shutdown-test-key-0123456789-abcdefghij",
                "data_dir=" + dir.resolve("data"),
                "host=127.0.0.1",
                "port=0",
                "session_login=false",
                "email_verification=none",
                "argon2_memory_kib=64",
                "argon2_iterations=1",
                ""));
        String body = "{\"username\":\"ada\",\"email\":\"ada@example.com\","
                + "\"password1\":\"Analytical-Engine-1843\",\"password2\":\"Analytical-Engine-1843\"}";

        Running first = Running.start(config);
        HttpResponse<String> registered = first.post("/rest-auth/registration/", body);
        String output = first.stop();

        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(output.contains("restauth - Shutdown completed."), "the pool and database were closed:\n" + output);

        Running second = Running.start(config);
        HttpResponse<String> login = second.post("/rest-auth/login/",
                "{\"username\":\"ada\",\"password\":\"Analytical-Engine-1843\"}");
        second.stop();

        assertEquals(200, login.statusCode(), login.body());
        assertEquals(registered.body(), login.body(), "the same token as at sign-up");
    }

    /** {@code java -jar target/restauth.jar serve --config <file>}, its output going to a file. */
    private record Running(Process process, int port, Path log) {
        static Running start(Path config) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createTempFile(config.getParent(), "restauth-", ".log");
            // To a file, not a pipe: stopping the process closes its pipes, and the last lines would be lost.
            Process process = new ProcessBuilder(List.of(java, "-jar", "target/restauth.jar", "serve", "--config",
                    config.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher serving = SERVING.matcher(Files.readString(log));
                if (serving.find()) {
                    return new Running(process, Integer.parseInt(serving.group(1)), log);
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException("restauth did not start:\n" + Files.readString(log));
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM, as Ctrl-C or a process manager sends it; returns everything the server printed. */
        String stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "restauth did not stop within 30 s");
            return Files.readString(log);
        }
    }
}
