package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.config.Settings;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

/**
 * dj-rest-auth's {@code PasswordChangeSerializer} with Django's {@code SetPasswordForm}: {@code old_password} (only
 * when {@code old_password_field_enabled}, checked against the current password), {@code new_password1} and
 * {@code new_password2} (at most 128 characters); then {@link SetPasswordForm}: a mismatch, or else every validator
 * message, under {@code new_password2}.
 */
public class DefaultPasswordChangeSerializer implements PasswordChangeSerializer {
    private final SerializerContext context;
    private final boolean oldPasswordRequired;

    public DefaultPasswordChangeSerializer(SerializerContext context) {
        this.context = context;
        this.oldPasswordRequired = context.settings().get(Settings.OLD_PASSWORD_FIELD_ENABLED);
    }

    @Override
    public String validate(JsonObject data, User user) {
        Fields fields = new Fields(data);
        if (oldPasswordRequired) {
            String old = fields.text("old_password", SetPasswordForm.PASSWORD);
            if (old != null && !context.passwords().verify(old, user.password())) {
                fields.reject("old_password", Messages.get("password.old_incorrect"));
            }
        }
        String password1 = fields.text("new_password1", SetPasswordForm.PASSWORD);
        String password2 = fields.text("new_password2", SetPasswordForm.PASSWORD);
        fields.throwIfInvalid();
        return SetPasswordForm.clean(password1, password2, user, context.validators());
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("old_password", Schema.string())
                .field("new_password1", Schema.string()).field("new_password2", Schema.string()).open().build();
    }
}
