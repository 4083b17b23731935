package dev.restauth.serializer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.config.Settings;

/**
 * dj-rest-auth's {@code CookieTokenRefreshSerializer} and the answer of its refresh view: {@code refresh} is an
 * optional text field (null, blank and non-text values are field errors, as DRF's {@code CharField}); an empty or
 * missing one leaves the refresh cookie to speak. The answer is {@code {"access", "access_expiration"}}, with a
 * rotated refresh token also {@code "refresh"} and {@code "refresh_expiration"}, unless {@code jwt_auth_httponly}
 * keeps the refresh token in its cookie only.
 */
public class DefaultTokenRefreshSerializer implements TokenRefreshSerializer {
    private static final CharField REFRESH = CharField.optional();

    private final boolean httpOnly;

    public DefaultTokenRefreshSerializer(SerializerContext context) {
        this.httpOnly = context.settings().get(Settings.JWT_AUTH_HTTPONLY);
    }

    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        fields.text("refresh", REFRESH);
        fields.throwIfInvalid();
        JsonElement raw = data.get("refresh");
        // The value as sent, untrimmed, as dj-rest-auth reads request.data rather than the cleaned field.
        return raw == null || raw.getAsString().isEmpty() ? null : raw.getAsString();
    }

    @Override
    public JsonObject render(JsonWebTokens.Pair refreshed) {
        JsonObject body = new JsonObject();
        body.addProperty("access", refreshed.access());
        if (refreshed.refresh() != null && !httpOnly) {
            body.addProperty("refresh", refreshed.refresh());
        }
        body.addProperty("access_expiration", DefaultSocialAccountSerializer.drfDateTime(
                refreshed.accessExpiration()));
        if (refreshed.refresh() != null && !httpOnly) {
            body.addProperty("refresh_expiration", DefaultSocialAccountSerializer.drfDateTime(
                    refreshed.refreshExpiration()));
        }
        return body;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("refresh", Schema.string()).open().build();
    }
}
