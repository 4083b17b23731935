package dev.restauth.http;

import com.google.gson.JsonElement;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The one place restauth writes an answer: status, the {@link SecurityHeaders}, headers, {@code Set-Cookie} values
 * and a compact UTF-8 JSON body (see {@link Json}) with its exact length. Every endpoint answer, the 404 of an unknown path and the refusals of
 * {@link dev.restauth.RestAuthFilter} go through it.
 */
public final class ResponseWriter {
    private ResponseWriter() {
    }

    /**
     * @param body     the JSON body, or null for none (204)
     * @param headOnly write the headers of the body (its type and length) but not the body: the answer to HEAD
     */
    public static void write(HttpServletResponse response, int status, Map<String, String> headers,
                             List<String> cookies, JsonElement body, boolean headOnly) throws IOException {
        response.setStatus(status);
        SecurityHeaders.set(response);
        headers.forEach(response::setHeader);
        for (String cookie : cookies) {
            response.addHeader("Set-Cookie", cookie);
        }
        if (body == null) {
            response.setContentLength(0);
            return;
        }
        byte[] bytes = Json.bytes(body);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        if (!headOnly) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    /**
     * An answer whose body is not JSON (see {@link ApiResponse#content}), with the same security headers.
     *
     * @param headOnly write the headers of the body but not the body
     */
    public static void writeContent(HttpServletResponse response, int status, Map<String, String> headers,
                                    String contentType, byte[] content, boolean headOnly) throws IOException {
        response.setStatus(status);
        SecurityHeaders.set(response);
        headers.forEach(response::setHeader);
        response.setContentType(contentType);
        response.setContentLength(content.length);
        if (!headOnly) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(content);
            }
        }
    }
}
