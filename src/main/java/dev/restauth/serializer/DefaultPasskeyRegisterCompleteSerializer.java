package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.NewPasskey;
import dev.restauth.apidoc.Schema;

import java.util.function.ToIntFunction;

/**
 * dj-rest-auth's {@code PasskeyRegisterCompleteSerializer}: {@code credential} (any JSON; what it must be is the
 * use case's to say, in the reference's words) required, {@code name} optional, not blank, at most 255 characters
 * as the database's column counts them.
 */
public class DefaultPasskeyRegisterCompleteSerializer implements PasskeyRegisterCompleteSerializer {
    /** The length of the passkey name column. */
    static final int NAME_LENGTH = 255;
    static final CharField NAME = CharField.optional().maxLength(NAME_LENGTH);

    private final ToIntFunction<String> storedLength;

    public DefaultPasskeyRegisterCompleteSerializer(SerializerContext context) {
        this.storedLength = context.users()::storedLength;
    }

    /** Without a context every UTF-16 unit counts, which fits every database. */
    public DefaultPasskeyRegisterCompleteSerializer() {
        this.storedLength = String::length;
    }

    @Override
    public NewPasskey validate(JsonObject data) {
        Fields fields = new Fields(data);
        var credential = fields.json("credential", true);
        String name = fields.text("name", NAME);
        fields.rejectIfLonger("name", name, NAME_LENGTH, storedLength);
        fields.throwIfInvalid();
        return new NewPasskey(credential, name);
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("credential", Schema.anyObject()).optional("name", Schema.string())
                .open().build();
    }
}
