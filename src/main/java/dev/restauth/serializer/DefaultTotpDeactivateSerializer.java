package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;

/** dj-rest-auth's {@code TOTPDeactivateSerializer}: {@code code}, required, at most 11 characters. */
public class DefaultTotpDeactivateSerializer implements TotpDeactivateSerializer {
    @Override
    public String validate(JsonObject data) {
        Fields fields = new Fields(data);
        String code = fields.text("code", DefaultMfaVerifySerializer.CODE);
        fields.throwIfInvalid();
        return code;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("code", Schema.string()).open().build();
    }
}
