package dev.restauth.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server as a process of its own ({@code java -cp target/classes:target/lib/* dev.restauth.Main serve}),
 * so a test can do to it what an operator's bad day does: kill it (SIGKILL), stop it (SIGTERM), start it again on the
 * same database. Its output goes to a file, which survives the process.
 */
final class ChildServer implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("restauth serving http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http;

    private ChildServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A settings file in {@code dir}: these settings, and what every test server needs (port 0, cheap hashes). */
    static Path config(Path dir, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "secret_key=fault-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                "data_dir=" + dir.resolve("data"),
                "host=127.0.0.1",
                "port=0",
                "session_login=false",
                "throttle_enabled=false",
                "argon2_memory_kib=64",
                "argon2_iterations=1"));
        settings.forEach((key, value) -> lines.add(key + "=" + value));
        return Files.write(dir.resolve("restauth-" + System.nanoTime() + ".properties"), lines);
    }

    /** Starts the server with this settings file and waits (at most 60 s) until it listens. */
    static ChildServer start(Path config) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile(config.getParent(), "restauth-", ".log");
        Process process = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", "target/classes:target/lib/*", "dev.restauth.Main", "serve",
                "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                return new ChildServer(process, Integer.parseInt(serving.group(1)), log);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("restauth did not start:\n" + Files.readString(log));
    }

    /** POSTs JSON, with {@code Authorization: Token <token>} when a token is given. */
    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a path, with {@code Authorization: Token <token>}. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Token " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled container does it: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or a process manager sends it, without waiting for the process to end. */
    void terminate() {
        process.destroy();
    }

    /** SIGTERM, as Ctrl-C or a process manager sends it; waits (at most 60 s) and returns the server's output. */
    String stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("restauth did not stop within 60 s:\n" + output());
        }
        return output();
    }

    /** Everything the server printed so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
