package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** dj-rest-auth's {@code PasskeyUpdateSerializer}: {@code name}, required, not blank, at most 255 characters. */
public class DefaultPasskeyUpdateSerializer implements PasskeyUpdateSerializer {
    private static final CharField NAME = CharField.required().maxLength(255);

    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        String name = fields.text("name", NAME);
        fields.throwIfInvalid();
        return name;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("name", Schema.string()).open().build();
    }
}
