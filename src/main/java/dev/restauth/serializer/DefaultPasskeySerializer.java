package dev.restauth.serializer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.Passkey;

/**
 * dj-rest-auth's {@code PasskeyListSerializer}: {@code {"id":1,"name":"My Key","credential_id":"<base64url>",
 * "created_at":"...Z","last_used_at":null,"transports":["internal"],"discoverable":true}}. The public key and the
 * counter stay out.
 */
public class DefaultPasskeySerializer implements PasskeySerializer {
    @Override
    public JsonObject render(Passkey passkey) {
        JsonObject body = new JsonObject();
        body.addProperty("id", passkey.id());
        body.addProperty("name", passkey.name());
        body.addProperty("credential_id", passkey.credentialId());
        body.addProperty("created_at", DefaultSocialAccountSerializer.drfDateTime(passkey.created()));
        body.addProperty("last_used_at", passkey.lastUsed() == null ? null
                : DefaultSocialAccountSerializer.drfDateTime(passkey.lastUsed()));
        body.add("transports", JsonParser.parseString(passkey.transports()));
        body.addProperty("discoverable", passkey.discoverable());
        return body;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("id", Schema.integer()).field("name", Schema.string())
                .field("credential_id", Schema.string()).field("created_at", Schema.string("date-time"))
                .field("last_used_at", Schema.nullable(Schema.string("date-time")))
                .field("transports", Schema.arrayOf(Schema.string())).field("discoverable", Schema.bool()).build();
    }
}
