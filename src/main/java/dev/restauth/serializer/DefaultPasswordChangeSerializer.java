package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.config.Settings;
import dev.restauth.error.ValidationException;
import dev.restauth.password.UserAttributes;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.util.List;

/**
 * dj-rest-auth's {@code PasswordChangeSerializer} with Django's {@code SetPasswordForm}: {@code old_password} (only
 * when {@code old_password_field_enabled}, checked against the current password), {@code new_password1} and
 * {@code new_password2} (at most 128 characters). When the fields pass, a mismatch, or else every validator
 * message, is reported under {@code new_password2}.
 */
public class DefaultPasswordChangeSerializer implements PasswordChangeSerializer {
    private static final CharField PASSWORD = CharField.required().maxLength(128);

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
            String old = fields.text("old_password", PASSWORD);
            if (old != null && !context.passwords().verify(old, user.password())) {
                fields.reject("old_password", Messages.get("password.old_incorrect"));
            }
        }
        String password1 = fields.text("new_password1", PASSWORD);
        String password2 = fields.text("new_password2", PASSWORD);
        fields.throwIfInvalid();
        if (!password1.equals(password2)) {
            throw ValidationException.of("new_password2", Messages.get("password.mismatch"));
        }
        List<String> problems = context.validators().validate(password2,
                new UserAttributes(user.username(), user.email(), user.firstName(), user.lastName()));
        if (!problems.isEmpty()) {
            throw new ValidationException(java.util.Map.of("new_password2", problems));
        }
        return password2;
    }
}
