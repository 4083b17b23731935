package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;

/**
 * dj-rest-auth's {@code JWTSerializerWithExpiration}, used with {@code jwt_auth_return_expiration}: the
 * {@link DefaultJwtSerializer} body plus {@code access_expiration} and {@code refresh_expiration}, times in DRF's
 * ISO 8601 ({@code 2026-12-02T15:05:36.298764Z}).
 */
public class DefaultJwtSerializerWithExpiration extends DefaultJwtSerializer {
    @Override
    public JsonObject render(JsonWebTokens.Pair tokens, JsonObject user) {
        JsonObject body = super.render(tokens, user);
        body.addProperty("access_expiration", DefaultSocialAccountSerializer.drfDateTime(tokens.accessExpiration()));
        body.addProperty("refresh_expiration", DefaultSocialAccountSerializer.drfDateTime(tokens.refreshExpiration()));
        return body;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("access", Schema.string()).field("refresh", Schema.string())
                .field("user", Schema.anyObject()).field("access_expiration", Schema.string("date-time"))
                .field("refresh_expiration", Schema.string("date-time")).build();
    }
}
