package dev.restauth.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A small HTTP client for tests, over {@link HttpClient}: requests are sent as written, responses kept with their
 * status, headers and body text, so assertions compare the exact bytes of the wire contract.
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String base;
    private final OpenApiCheck openApi;

    /** @param base e.g. {@code http://127.0.0.1:40123/rest-auth} */
    public Http(String base) {
        this(base, null);
    }

    /**
     * A client whose every exchange is also checked against the server's OpenAPI document.
     *
     * @param openApi null for none
     */
    public Http(String base, OpenApiCheck openApi) {
        this.base = base;
        this.openApi = openApi;
    }

    public String base() {
        return base;
    }

    /** A response as received. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        /** The single value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The value a {@code Set-Cookie} header gives a cookie, or null. */
        public String cookie(String name) {
            for (String cookie : setCookies()) {
                if (cookie.startsWith(name + "=")) {
                    return cookie.substring(name.length() + 1, cookie.indexOf(';'));
                }
            }
            return null;
        }

        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public JsonElement jsonElement() {
            return JsonParser.parseString(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** POST with a JSON body. */
    public Response post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    /** POST without a body. */
    public Response post(String path) {
        return send("POST", path, null, null);
    }

    /** POST {@code application/x-www-form-urlencoded}. */
    public Response postForm(String path, String form, String... headers) {
        return send("POST", path, "application/x-www-form-urlencoded", form, headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json, headers);
    }

    public Response patch(String path, String json, String... headers) {
        return send("PATCH", path, "application/json", json, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /**
     * Any request.
     *
     * @param contentType null for none
     * @param body        null for no body
     * @param headers     name, value, name, value, ...
     */
    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(method, path, request.build(), contentType, body);
    }

    private Response exchange(String method, String path, HttpRequest request, String contentType, String body) {
        Response response = exchange(method, path, request);
        if (openApi != null) {
            openApi.check(method, request.uri(), request.headers(), contentType, body, response);
        }
        return response;
    }

    private static Response exchange(String method, String path, HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Any request with a body of raw bytes, for bodies a string cannot carry (invalid UTF-8, other charsets).
     *
     * @param chunked send without {@code Content-Length}, in chunks, so the server learns the size only by reading
     */
    public Response sendBytes(String method, String path, String contentType, byte[] body, boolean chunked,
                              String... headers) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(method, path, request.build(), contentType, new String(body, StandardCharsets.UTF_8));
    }

    /** {@code Authorization: Token <key>} as a header pair. */
    public static String[] token(String key) {
        return new String[] {"Authorization", "Token " + key};
    }
}
