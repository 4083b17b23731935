package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.TotpConfirmation;
import dev.restauth.apidoc.Schema;

/**
 * dj-rest-auth's {@code TOTPActivateConfirmSerializer}: {@code activation_token} (from the {@code GET}) and
 * {@code code} (from the authenticator app), both required.
 */
public class DefaultTotpActivateConfirmSerializer implements TotpActivateConfirmSerializer {
    private static final CharField REQUIRED = CharField.required();

    @Override
    public TotpConfirmation validate(JsonObject data) {
        Fields fields = new Fields(data);
        String token = fields.text("activation_token", REQUIRED);
        String code = fields.text("code", REQUIRED);
        fields.throwIfInvalid();
        return new TotpConfirmation(token, code);
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("activation_token", Schema.string()).field("code", Schema.string())
                .open().build();
    }
}
