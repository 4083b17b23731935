package dev.restauth.bench;

import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Refreshes with rotation, flat out: each connection logs one user in, then refreshes with the refresh token the
 * last answer handed it, as a client does; every refresh uses up a token and writes its successor. The count of
 * answers that were not 200 is kept: with rotation, one refused refresh would end a connection's chain.
 */
final class RefreshLoad {
    private RefreshLoad() {
    }

    /** Refreshes per second and refusals, over {@code duration}. */
    record Result(double perSecond, long refused) {
    }

    static Result run(int port, List<String> usernames, String password, int connections, Duration duration)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port + Workload.PREFIX;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            HttpResponse<String> login = post(client, base + "/login/", "{\"username\":\"" + usernames.get(i)
                    + "\",\"password\":\"" + password + "\"}");
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login for the refresh figure answered " + login.statusCode());
            }
            tokens.add(JsonParser.parseString(login.body()).getAsJsonObject().get("refresh").getAsString());
        }
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try {
            List<Future<long[]>> counts = new ArrayList<>();
            for (String first : tokens) {
                counts.add(threads.submit(() -> chain(client, base, first, end)));
            }
            long done = 0;
            long refused = 0;
            for (Future<long[]> count : counts) {
                done += count.get()[0];
                refused += count.get()[1];
            }
            return new Result(done / ((System.nanoTime() - start) / 1e9), refused);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One connection's refreshes until {@code end}: {@code {succeeded, refused}}. */
    private static long[] chain(HttpClient client, String base, String first, long end) throws IOException,
            InterruptedException {
        String token = first;
        long done = 0;
        while (System.nanoTime() < end) {
            HttpResponse<String> response = post(client, base + "/token/refresh/", "{\"refresh\":\"" + token
                    + "\"}");
            if (response.statusCode() != 200) {
                return new long[] {done, 1};
            }
            token = JsonParser.parseString(response.body()).getAsJsonObject().get("refresh").getAsString();
            done++;
        }
        return new long[] {done, 0};
    }

    private static HttpResponse<String> post(HttpClient client, String url, String json) throws IOException,
            InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
