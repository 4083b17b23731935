package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** simplejwt's {@code TokenVerifySerializer}: {@code token}, a required text field. */
public class DefaultTokenVerifySerializer implements TokenVerifySerializer {
    private static final CharField TOKEN = CharField.required();

    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        String token = fields.text("token", TOKEN);
        fields.throwIfInvalid();
        return token;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("token", Schema.string()).open().build();
    }
}
