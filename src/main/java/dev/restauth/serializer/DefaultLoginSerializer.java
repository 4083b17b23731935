package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.Credentials;
import dev.restauth.apidoc.Schema;
import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.Settings;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;

/**
 * dj-rest-auth's {@code LoginSerializer}: {@code username} (optional, may be blank), {@code email} (optional, may be
 * blank, a valid address when given) and {@code password} (required). Which of username and e-mail is used follows
 * the authentication method; with {@code username_email} the e-mail wins when both are given.
 */
public class DefaultLoginSerializer implements LoginSerializer {
    private static final CharField USERNAME = CharField.optional().allowBlank();
    private static final CharField EMAIL = CharField.optional().allowBlank().email();
    private static final CharField PASSWORD = CharField.required();

    private final AuthenticationMethod method;

    public DefaultLoginSerializer(SerializerContext context) {
        this.method = context.settings().get(Settings.AUTHENTICATION_METHOD);
    }

    @Override
    public Credentials validate(JsonObject data) {
        Fields fields = new Fields(data);
        String username = fields.text("username", USERNAME);
        String email = fields.text("email", EMAIL);
        String password = fields.text("password", PASSWORD);
        fields.throwIfInvalid();
        boolean hasUsername = username != null && !username.isEmpty();
        boolean hasEmail = email != null && !email.isEmpty();
        switch (method) {
            case EMAIL:
                return hasEmail ? new Credentials(email, true, password) : mustInclude("login.must_include_email");
            case USERNAME:
                return hasUsername ? new Credentials(username, false, password)
                        : mustInclude("login.must_include_username");
            default:
                if (hasEmail) {
                    return new Credentials(email, true, password);
                }
                return hasUsername ? new Credentials(username, false, password)
                        : mustInclude("login.must_include_either");
        }
    }

    private static Credentials mustInclude(String message) {
        throw ValidationException.nonField(Messages.get(message));
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("username", Schema.string()).optional("email", Schema.string())
                .field("password", Schema.string()).open().build();
    }
}
