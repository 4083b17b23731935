package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/**
 * dj-rest-auth's {@code PasswordResetSerializer}: {@code email}, required and a valid address. Whether anyone owns
 * it is deliberately not reported: an unknown address gets the same answer as a known one.
 */
public class DefaultPasswordResetSerializer implements PasswordResetSerializer {
    private static final CharField EMAIL = CharField.required().email();

    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        String email = fields.text("email", EMAIL);
        fields.throwIfInvalid();
        return email;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("email", Schema.string("email")).open().build();
    }
}
