package dev.restauth.serializer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyAssertion;
import dev.restauth.account.PasskeyRemoval;
import dev.restauth.apidoc.Schema;
import dev.restauth.text.Messages;

/**
 * The body of {@code DELETE passkeys/<id>/}: {@code code} (a TOTP or recovery code, at most 11 characters), or
 * {@code session_id} and {@code credential} (an assertion for a {@code passkeys/login/begin/} challenge), each pair
 * complete; all optional.
 */
public class DefaultPasskeyRemoveSerializer implements PasskeyRemoveSerializer {
    private static final CharField CODE = CharField.optional().maxLength(11);
    private static final CharField SESSION_ID = CharField.optional();

    @Override
    public PasskeyRemoval validate(JsonObject data) {
        Fields fields = new Fields(data);
        String code = fields.text("code", CODE);
        String sessionId = DefaultPasskeyLoginCompleteSerializer.sessionId(fields, "session_id", SESSION_ID);
        JsonElement credential = fields.json("credential", false);
        if (sessionId != null && credential == null && fields.valid("credential")) {
            fields.reject("credential", Messages.get("field.required"));
        }
        if (credential != null && sessionId == null && fields.valid("session_id")) {
            fields.reject("session_id", Messages.get("field.required"));
        }
        fields.throwIfInvalid();
        return new PasskeyRemoval(code, sessionId == null ? null : new PasskeyAssertion(credential, sessionId));
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("code", Schema.string()).optional("session_id", Schema.string())
                .optional("credential", Schema.anyObject()).open().build();
    }
}
