package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.User;

/** dj-rest-auth's {@code TokenSerializer}: {@code {"key": "<40 hex>"}} and nothing else. */
public class DefaultTokenSerializer implements TokenSerializer {
    @Override
    public JsonObject render(String key, User user) {
        JsonObject body = new JsonObject();
        body.addProperty("key", key);
        return body;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("key", Schema.string()).build();
    }
}
