package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.SecondFactorProof;
import dev.restauth.apidoc.Schema;

/**
 * dj-rest-auth's {@code MFAVerifySerializer}: {@code ephemeral_token} and {@code code} (a TOTP or recovery code),
 * both required. {@code code} is at most 11 characters, the length of restauth's recovery codes
 * ({@code xxxxx-xxxxx}); the reference's are 9.
 */
public class DefaultMfaVerifySerializer implements MfaVerifySerializer {
    static final CharField CODE = CharField.required().maxLength(11);
    private static final CharField TOKEN = CharField.required();

    @Override
    public SecondFactorProof validate(JsonObject data) {
        Fields fields = new Fields(data);
        String token = fields.text("ephemeral_token", TOKEN);
        String code = fields.text("code", CODE);
        fields.throwIfInvalid();
        return new SecondFactorProof(token, code);
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("ephemeral_token", Schema.string()).field("code", Schema.string())
                .open().build();
    }
}
