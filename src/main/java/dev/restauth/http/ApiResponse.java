package dev.restauth.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A successful answer: status, JSON body (an object, or a list for list endpoints; none for 204) and extra headers
 * such as {@code Set-Cookie}.
 */
public final class ApiResponse {
    private final int status;
    private final JsonElement body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private boolean sessionUsed;
    private String contentType;
    private byte[] content;

    private ApiResponse(int status, JsonElement body) {
        this.status = status;
        this.body = body;
    }

    /**
     * 200 with a body that is not JSON: the OpenAPI document in YAML, the documentation page and its files. Only
     * those answer anything but JSON under the mount prefix.
     */
    public static ApiResponse content(String contentType, byte[] content) {
        ApiResponse response = new ApiResponse(200, null);
        response.contentType = contentType;
        response.content = content.clone();
        return response;
    }

    /** The body of a {@link #content} answer, or null for a JSON one. */
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** The media type of a {@link #content} answer, or null. */
    public String contentType() {
        return contentType;
    }

    /** 200 with a body: an object, or a list (DRF's list views). */
    public static ApiResponse ok(JsonElement body) {
        return new ApiResponse(200, body);
    }

    /** 201 with a body. */
    public static ApiResponse created(JsonObject body) {
        return new ApiResponse(201, body);
    }

    /**
     * An answer with any status, for the refusals that must still carry cookies (dj-rest-auth's JWT logout answers
     * 401 yet drops the JWT cookies); errors without such needs are thrown as {@code ApiException}s.
     */
    public static ApiResponse of(int status, JsonObject body) {
        return new ApiResponse(status, body);
    }

    /** 204, no body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    /** 200 {@code {"detail": message}}, the shape of dj-rest-auth's success messages. */
    public static ApiResponse detail(String message) {
        return ok(detailBody(message));
    }

    /** The body {@code {"detail": message}}. */
    public static JsonObject detailBody(String message) {
        JsonObject body = new JsonObject();
        body.addProperty("detail", message);
        return body;
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a {@code Set-Cookie} header (see {@link Cookies}). */
    public ApiResponse cookie(String setCookie) {
        cookies.add(setCookie);
        return this;
    }

    /**
     * Marks an answer that opened, changed or ended a session, so it carries {@code Vary: Accept, Cookie} even when
     * a token authenticated the request, as Django's session middleware marks every answer that used the session.
     */
    public ApiResponse usedSession() {
        sessionUsed = true;
        return this;
    }

    /** Whether {@link #usedSession()} marked this answer. */
    public boolean sessionUsed() {
        return sessionUsed;
    }

    public int status() {
        return status;
    }

    /** The body, or null for 204. */
    public JsonElement body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<String> cookies() {
        return cookies;
    }
}
