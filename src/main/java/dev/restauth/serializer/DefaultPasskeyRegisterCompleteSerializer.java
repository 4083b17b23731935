package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.NewPasskey;
import dev.restauth.apidoc.Schema;

/**
 * dj-rest-auth's {@code PasskeyRegisterCompleteSerializer}: {@code credential} (any JSON; what it must be is the
 * use case's to say, in the reference's words) required, {@code name} optional, not blank, at most 255 characters.
 */
public class DefaultPasskeyRegisterCompleteSerializer implements PasskeyRegisterCompleteSerializer {
    static final CharField NAME = CharField.optional().maxLength(255);

    @Override
    public NewPasskey validate(JsonObject data) {
        Fields fields = new Fields(data);
        var credential = fields.json("credential", true);
        String name = fields.text("name", NAME);
        fields.throwIfInvalid();
        return new NewPasskey(credential, name);
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("credential", Schema.anyObject()).optional("name", Schema.string())
                .open().build();
    }
}
