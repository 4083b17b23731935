package dev.restauth.openapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.config.Settings;
import dev.restauth.http.ApiServlet;

import java.util.List;

/**
 * The document's security schemes, as configured ({@code authentication_classes}, {@code jwt_auth_cookie}): a
 * token in {@code Authorization: Token <key>}, a JWT as a bearer token or in its cookie, the session cookie with its
 * CSRF token on unsafe methods.
 */
final class Credentials {
    private static final List<String> SAFE = List.of("GET", "HEAD", "OPTIONS");

    private final List<String> classes;
    private final String jwtCookie;
    private final boolean jwtCookieCsrf;

    private Credentials(List<String> classes, String jwtCookie, boolean jwtCookieCsrf) {
        this.classes = classes;
        this.jwtCookie = jwtCookie;
        this.jwtCookieCsrf = jwtCookieCsrf;
    }

    static Credentials of(Settings settings) {
        boolean jwt = settings.get(Settings.USE_JWT);
        return new Credentials(settings.get(Settings.AUTHENTICATION_CLASSES),
                jwt ? settings.get(Settings.JWT_AUTH_COOKIE) : null,
                jwt && settings.get(Settings.JWT_AUTH_COOKIE_USE_CSRF));
    }

    JsonObject schemes() {
        JsonObject schemes = new JsonObject();
        if (classes.contains("token")) {
            schemes.add("Token", apiKey("header", "Authorization",
                    "The key a login answers, sent as `Authorization: Token <key>`."));
        }
        if (classes.contains("jwt")) {
            JsonObject bearer = new JsonObject();
            bearer.addProperty("type", "http");
            bearer.addProperty("scheme", "bearer");
            bearer.addProperty("bearerFormat", "JWT");
            bearer.addProperty("description", "The access token a login answers, as `Authorization: Bearer <jwt>`.");
            schemes.add("Bearer", bearer);
            if (jwtCookie != null) {
                schemes.add("JwtCookie", apiKey("cookie", jwtCookie, "The access token in its cookie."));
            }
        }
        if (classes.contains("session")) {
            schemes.add("Session", apiKey("cookie", "sessionid", "The session a login opens (`session_login`)."));
        }
        if (classes.contains("session") || (classes.contains("jwt") && jwtCookie != null && jwtCookieCsrf)) {
            schemes.add("CSRF", apiKey("header", "X-CSRFToken",
                    "The `csrftoken` cookie's value, required with the session on POST, PUT, PATCH and DELETE."));
        }
        return schemes;
    }

    /** Who may call the method: any configured credential, or (for endpoints open to anyone) none. */
    JsonArray requirements(ApiServlet servlet, String method) {
        JsonArray alternatives = new JsonArray();
        if (!servlet.readsCredentials()) {
            return alternatives;
        }
        boolean safe = SAFE.contains(method);
        for (String name : classes) {
            switch (name) {
                case "token" -> alternatives.add(requirement("Token"));
                case "jwt" -> {
                    alternatives.add(requirement("Bearer"));
                    if (jwtCookie != null) {
                        alternatives.add(safe || !jwtCookieCsrf ? requirement("JwtCookie")
                                : requirement("JwtCookie", "CSRF"));
                    }
                }
                case "session" -> alternatives.add(safe ? requirement("Session") : requirement("Session", "CSRF"));
                default -> { }
            }
        }
        if (!servlet.requiresUser()) {
            alternatives.add(new JsonObject());
        }
        return alternatives;
    }

    private static JsonObject requirement(String... schemes) {
        JsonObject requirement = new JsonObject();
        for (String scheme : schemes) {
            requirement.add(scheme, new JsonArray());
        }
        return requirement;
    }

    private static JsonObject apiKey(String in, String name, String description) {
        JsonObject scheme = new JsonObject();
        scheme.addProperty("type", "apiKey");
        scheme.addProperty("in", in);
        scheme.addProperty("name", name);
        scheme.addProperty("description", description);
        return scheme;
    }
}
