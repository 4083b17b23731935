package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyHint;
import dev.restauth.apidoc.Schema;

/**
 * dj-rest-auth's {@code PasskeyLoginBeginSerializer}: {@code username} and {@code email}, both optional and may be
 * blank; an address must be valid.
 */
public class DefaultPasskeyLoginBeginSerializer implements PasskeyLoginBeginSerializer {
    private static final CharField USERNAME = CharField.optional().allowBlank();
    private static final CharField EMAIL = CharField.optional().allowBlank().email();

    @Override
    public PasskeyHint validate(JsonObject data) {
        Fields fields = new Fields(data);
        String username = fields.text("username", USERNAME);
        String email = fields.text("email", EMAIL);
        fields.throwIfInvalid();
        return new PasskeyHint(username, email);
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("username", Schema.string()).optional("email", Schema.string())
                .open().build();
    }
}
