package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

import java.util.function.ToIntFunction;

/**
 * dj-rest-auth's {@code PasskeyUpdateSerializer}: {@code name}, required, not blank, at most 255 characters, counted
 * as the database's column counts them.
 */
public class DefaultPasskeyUpdateSerializer implements PasskeyUpdateSerializer {
    private static final int NAME_LENGTH = DefaultPasskeyRegisterCompleteSerializer.NAME_LENGTH;
    private static final CharField NAME = CharField.required().maxLength(NAME_LENGTH);

    private final ToIntFunction<String> storedLength;

    public DefaultPasskeyUpdateSerializer(SerializerContext context) {
        this.storedLength = context.users()::storedLength;
    }

    /** Without a context every UTF-16 unit counts, which fits every database. */
    public DefaultPasskeyUpdateSerializer() {
        this.storedLength = String::length;
    }

    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        String name = fields.text("name", NAME);
        fields.rejectIfLonger("name", name, NAME_LENGTH, storedLength);
        fields.throwIfInvalid();
        return name;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("name", Schema.string()).open().build();
    }
}
