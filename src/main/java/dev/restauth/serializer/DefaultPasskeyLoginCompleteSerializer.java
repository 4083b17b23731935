package dev.restauth.serializer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.account.PasskeyAssertion;
import dev.restauth.apidoc.Schema;
import dev.restauth.text.Messages;

import java.util.regex.Pattern;

/**
 * dj-rest-auth's {@code PasskeyLoginCompleteSerializer}: {@code credential} (any JSON) and {@code session_id} (32
 * lowercase hex digits, as {@code login/begin/} answers it), both required.
 */
public class DefaultPasskeyLoginCompleteSerializer implements PasskeyLoginCompleteSerializer {
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32}");
    private static final CharField REQUIRED = CharField.required();

    @Override
    public PasskeyAssertion validate(JsonObject data) {
        Fields fields = new Fields(data);
        JsonElement credential = fields.json("credential", true);
        String sessionId = sessionId(fields, "session_id", REQUIRED);
        fields.throwIfInvalid();
        return new PasskeyAssertion(credential, sessionId);
    }

    /** A session id field, checked against its pattern. */
    static String sessionId(Fields fields, String name, CharField field) {
        String value = fields.text(name, field);
        if (value != null && !SESSION_ID.matcher(value).matches()) {
            fields.reject(name, Messages.get("field.invalid_pattern"));
            return null;
        }
        return value;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("credential", Schema.anyObject()).field("session_id", Schema.string())
                .open().build();
    }
}
