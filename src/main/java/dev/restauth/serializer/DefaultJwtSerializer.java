package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;

/** dj-rest-auth's {@code JWTSerializer}: {@code {"access": ..., "refresh": ..., "user": {...}}}. */
public class DefaultJwtSerializer implements JwtSerializer {
    @Override
    public JsonObject render(JsonWebTokens.Pair tokens, JsonObject user) {
        JsonObject body = new JsonObject();
        body.addProperty("access", tokens.access());
        body.addProperty("refresh", tokens.refresh());
        body.add("user", user);
        return body;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("access", Schema.string()).field("refresh", Schema.string())
                .field("user", Schema.anyObject()).build();
    }
}
