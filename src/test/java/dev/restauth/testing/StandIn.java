package dev.restauth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server on a free loopback port standing in for a provider's API (the JDK's own
 * {@link HttpServer}), recording every request it receives, so tests assert exactly what restauth sent. Subclasses
 * answer in {@link #answer}. {@link #hang()} makes it stop answering, as a provider in an outage that accepts
 * connections and never replies.
 */
public abstract class StandIn implements AutoCloseable {
    /** One request as received. */
    public record Recorded(String method, String path, String rawQuery, String authorization, String body) {
        /** Path and query as the request line carried them, e.g. {@code /v13.0/me?fields=...}. */
        public String target() {
            return rawQuery == null ? path : path + "?" + rawQuery;
        }
    }

    /** An answer: status and JSON body. */
    protected record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;

    protected StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received, oldest first. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path. */
    public List<Recorded> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    public void forget() {
        requests.clear();
    }

    /** From now on, requests are received and recorded but never answered (until {@link #close()}). */
    public void hang() {
        hanging = true;
    }

    /** The answer to one request. */
    protected abstract Answer answer(Recorded request);

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        if (hanging) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Answer answer = answer(request);
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The value of one form or query parameter, decoded; null when absent. */
    protected static String parameter(String encoded, String name) {
        if (encoded == null) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
