package dev.restauth.error;

import com.google.gson.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, carrying its status, JSON body and any headers it needs; rendered in exactly one
 * place ({@code ApiServlet}). Mirrors Django REST framework's {@code APIException} family.
 *
 * <p>Messages are the client-facing texts; they never contain secrets. Stack traces are not filled in: these are
 * answers, not failures.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    protected ApiException(int status, String detail) {
        this(status, detail, Map.of());
    }

    protected ApiException(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public int status() {
        return status;
    }

    /** Headers the answer must carry, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The JSON body: {@code {"detail": message}} unless a subclass says otherwise. */
    public JsonObject body() {
        JsonObject body = new JsonObject();
        body.addProperty("detail", getMessage());
        return body;
    }

    /** 400 for a body that cannot be parsed. */
    public static ApiException parseError(String detail) {
        return new ApiException(400, detail);
    }

    /** 400 for a request that is wrong as a whole, not in one of its fields (e.g. an untrusted Host header). */
    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    /**
     * 400 for a body the container failed to parse (multipart), with {@code Connection: close}: the container drops
     * such a connection, and a client told so opens a new one instead of failing its next request.
     */
    public static ApiException parseErrorClosingConnection(String detail) {
        return new ApiException(400, detail, Map.of("Connection", "close"));
    }

    /** 403: authenticated but not allowed, or a CSRF failure. */
    public static ApiException permissionDenied(String detail) {
        return new ApiException(403, detail);
    }

    /** 404 {"detail":"Not found."}. */
    public static ApiException notFound() {
        return notFound(dev.restauth.text.Messages.get("error.not_found"));
    }

    /** 404 with a detail saying what is missing. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    /**
     * 413 for a body over the configured limit, with {@code Connection: close}: the rest of the body is not read, so
     * the connection cannot carry another request.
     */
    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, dev.restauth.text.Messages.get("error.payload_too_large", limit),
                Map.of("Connection", "close"));
    }

    /** 415 for a Content-Type no parser reads. */
    public static ApiException unsupportedMediaType(String mediaType) {
        return new ApiException(415, dev.restauth.text.Messages.get("error.unsupported_media_type", mediaType));
    }

    /**
     * 429 with {@code Retry-After}, worded as DRF's {@code Throttled}: "Request was throttled. Expected available
     * in 1 second." or "... in N seconds.".
     *
     * @param retryAfterSeconds whole seconds, already rounded up
     */
    public static ApiException throttled(long retryAfterSeconds) {
        String key = retryAfterSeconds == 1 ? "error.throttled.one" : "error.throttled.other";
        return new ApiException(429, dev.restauth.text.Messages.get(key, retryAfterSeconds),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 502: a server restauth depends on (a social login provider) could not be used. */
    public static ApiException badGateway(String detail) {
        return new ApiException(502, detail);
    }

    /** 504: a server restauth depends on (a social login provider) did not answer in time. */
    public static ApiException gatewayTimeout(String detail) {
        return new ApiException(504, detail);
    }

    /** 503 with {@code Retry-After} and this detail: a part the server depends on is briefly out. */
    public static ApiException unavailable(long retryAfterSeconds, String detail) {
        return new ApiException(503, detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 503 with {@code Retry-After}: the server is saturated, the client should come back shortly. */
    public static ApiException unavailable(long retryAfterSeconds) {
        return new ApiException(503, dev.restauth.text.Messages.get("error.unavailable"),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
