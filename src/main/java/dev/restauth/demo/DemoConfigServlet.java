package dev.restauth.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.config.SocialApp;
import dev.restauth.config.Settings;
import dev.restauth.http.Json;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * {@code GET /demo/config}: the settings that shape the demo page, as JSON, e.g.
 * {@code {"api":"/rest-auth","email_backend":"console","authentication_method":"username_email",
 * "email_verification":"mandatory","old_password_field_enabled":false,"social_providers":[{"id":"github",
 * "type":"github"}]}}. Only what a client of the API learns anyway: no secret, no client id, no address.
 */
final class DemoConfigServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final byte[] body;

    DemoConfigServlet(Settings settings) {
        this.body = Json.bytes(describe(settings));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoServlet.securityHeaders(response);
        response.setContentType("application/json");
        DemoServlet.write(response, body);
    }

    static JsonObject describe(Settings settings) {
        JsonObject config = new JsonObject();
        config.addProperty("api", settings.get(Settings.MOUNT_PREFIX));
        config.addProperty("email_backend", lower(settings.get(Settings.EMAIL_BACKEND)));
        config.addProperty("authentication_method", lower(settings.get(Settings.AUTHENTICATION_METHOD)));
        config.addProperty("email_verification", lower(settings.get(Settings.EMAIL_VERIFICATION)));
        config.addProperty("old_password_field_enabled", settings.get(Settings.OLD_PASSWORD_FIELD_ENABLED));
        JsonArray providers = new JsonArray();
        for (SocialApp app : settings.socialApps()) {
            JsonObject provider = new JsonObject();
            provider.addProperty("id", app.id());
            provider.addProperty("type", app.type().settingName());
            providers.add(provider);
        }
        config.add("social_providers", providers);
        return config;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
