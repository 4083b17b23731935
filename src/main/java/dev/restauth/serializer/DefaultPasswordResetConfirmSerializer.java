package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.ResetConfirmation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

/**
 * dj-rest-auth's {@code PasswordResetConfirmSerializer} (with allauth installed): {@code new_password1},
 * {@code new_password2} (at most 128 characters), {@code uid} and {@code token}, all required, errors in that order.
 * When the fields pass: the uid must decode (base 36) to an existing user, else {@code {"uid":["Invalid value"]}};
 * then the token must be valid for that user, else {@code {"token":["Invalid value"]}}; then
 * {@link SetPasswordForm} checks the passwords against each other and the validators.
 */
public class DefaultPasswordResetConfirmSerializer implements PasswordResetConfirmSerializer {
    private static final CharField TEXT = CharField.required();

    private final SerializerContext context;

    public DefaultPasswordResetConfirmSerializer(SerializerContext context) {
        this.context = context;
    }

    @Override
    public ResetConfirmation validate(JsonObject data) {
        Fields fields = new Fields(data);
        String password1 = fields.text("new_password1", SetPasswordForm.PASSWORD);
        String password2 = fields.text("new_password2", SetPasswordForm.PASSWORD);
        String uid = fields.text("uid", TEXT);
        String token = fields.text("token", TEXT);
        fields.throwIfInvalid();
        User user = context.resetTokens().userFor(uid).orElseThrow(() -> invalid("uid"));
        if (!context.resetTokens().check(user, token)) {
            throw invalid("token");
        }
        return new ResetConfirmation(user, SetPasswordForm.clean(password1, password2, user, context.validators()));
    }

    private static ValidationException invalid(String field) {
        return ValidationException.of(field, Messages.get("password_reset.invalid_value"));
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("new_password1", Schema.string())
                .field("new_password2", Schema.string()).field("uid", Schema.string()).field("token", Schema.string())
                .open().build();
    }
}
