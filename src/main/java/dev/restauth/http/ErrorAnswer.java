package dev.restauth.http;

import com.google.gson.JsonObject;

import dev.restauth.auth.Authentication;
import dev.restauth.error.ApiException;
import dev.restauth.error.NotAuthenticatedException;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@link ApiException} answers under the configured authentication: its status, headers and JSON body, with
 * DRF's rule for missing or bad credentials applied (401 with the first authenticator's {@code WWW-Authenticate}
 * challenge, or 403 when that authenticator has none). Shared by the endpoints and by
 * {@link dev.restauth.RestAuthFilter}, so the application's own servlets refuse credentials exactly as restauth does.
 */
public record ErrorAnswer(int status, Map<String, String> headers, JsonObject body) {
    public ErrorAnswer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The answer to {@code e} for a request authenticated (or not) by {@code authentication}. */
    public static ErrorAnswer of(ApiException e, Authentication authentication) {
        int status = e.status();
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        if (e instanceof NotAuthenticatedException) {
            String challenge = authentication.challenge();
            if (challenge == null) {
                status = 403;
            } else {
                headers.put("WWW-Authenticate", challenge);
            }
        }
        return new ErrorAnswer(status, headers, e.body());
    }

    /** Writes status, headers and the body as compact UTF-8 JSON. */
    public void write(HttpServletResponse response) throws IOException {
        byte[] bytes = Json.bytes(body);
        response.setStatus(status);
        SecurityHeaders.set(response);
        headers.forEach(response::setHeader);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
