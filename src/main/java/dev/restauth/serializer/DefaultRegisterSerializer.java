package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.SignUp;
import dev.restauth.apidoc.Schema;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.error.ValidationException;
import dev.restauth.password.UserAttributes;
import dev.restauth.text.Messages;
import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;
import dev.restauth.user.UsernameValidator;

import java.util.List;

/**
 * dj-rest-auth's {@code RegisterSerializer} with allauth's adapter checks, in their order: {@code username} (at most
 * 150 characters, at least {@code username_min_length}, a valid Django username, free in any letter case),
 * {@code email} (at most 254 characters, valid, free in any letter case when addresses are unique), {@code password1} (the
 * password validators, without the user), {@code password2}; then, once every field passed, "The two password fields
 * didn't match." (ASCII apostrophe, unlike password change), then the validators again with the would-be user, so a
 * password too similar to the username or address is reported under {@code non_field_errors}.
 *
 * <p>Lengths are checked on the values as stored, the username after NFKC, in the unit the database's columns count
 * ({@link SerializerContext.UserQueries#storedLength}), so a value that passed is never refused by the database.
 *
 * <p>With {@code prevent_enumeration} under mandatory verification a taken address is not reported here: the
 * sign-up goes on, and {@link dev.restauth.account.Register} answers it as a new one while mailing the owner.
 */
public class DefaultRegisterSerializer implements RegisterSerializer {
    private final SerializerContext context;
    private final CharField username;
    private final CharField email;
    private final CharField password = CharField.required();
    private final boolean reportTakenEmail;

    public DefaultRegisterSerializer(SerializerContext context) {
        Settings settings = context.settings();
        this.context = context;
        this.username = (settings.get(Settings.USERNAME_REQUIRED) ? CharField.required() : CharField.optional())
                .maxLength(User.NAME_LENGTH).minLength(settings.get(Settings.USERNAME_MIN_LENGTH));
        this.email = (settings.get(Settings.EMAIL_REQUIRED) ? CharField.required() : CharField.optional())
                .maxLength(EmailAddress.MAX_LENGTH).email();
        this.reportTakenEmail = settings.get(Settings.UNIQUE_EMAIL) && !(settings.get(Settings.PREVENT_ENUMERATION)
                && settings.get(Settings.EMAIL_VERIFICATION) == EmailVerification.MANDATORY);
    }

    @Override
    public SignUp validate(JsonObject data) {
        Fields fields = new Fields(data);
        String name = fields.text("username", username);
        if (name != null) {
            name = Canonical.username(name);
            fields.rejectIfLonger("username", name, User.NAME_LENGTH, context.users()::storedLength);
            if (!fields.valid("username")) {
                name = null;
            } else if (!UsernameValidator.isValid(name)) {
                fields.reject("username", Messages.get("field.username"));
            } else if (context.users().usernameTaken(name, -1)) {
                fields.reject("username", Messages.get("user.username_taken"));
            }
        }
        String address = fields.text("email", email);
        fields.rejectIfLonger("email", address, EmailAddress.MAX_LENGTH, context.users()::storedLength);
        if (address != null && fields.valid("email")
                && context.users().storedLength(Canonical.key(address)) > Canonical.KEY_LENGTH) {
            fields.reject("email", Messages.get("field.email")); // a domain whose compatibility form is huge
        }
        if (address != null && fields.valid("email") && reportTakenEmail && context.users().emailTaken(address)) {
            fields.reject("email", Messages.get("user.email_taken"));
        }
        String password1 = fields.text("password1", password);
        if (password1 != null) {
            context.validators().validate(password1, null).forEach(message -> fields.reject("password1", message));
        }
        String password2 = fields.text("password2", password);
        fields.throwIfInvalid();
        if (!password1.equals(password2)) {
            throw ValidationException.nonField(Messages.get("registration.password_mismatch"));
        }
        SignUp signUp = new SignUp(name == null ? "" : name, address == null ? "" : address, password1);
        List<String> similar = context.validators().validate(password1,
                new UserAttributes(signUp.username(), signUp.email(), "", ""));
        if (!similar.isEmpty()) {
            throw new ValidationException(java.util.Map.of(ValidationException.NON_FIELD_ERRORS, similar));
        }
        return signUp;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("username", Schema.string()).optional("email", Schema.string())
                .field("password1", Schema.string()).field("password2", Schema.string()).open().build();
    }
}
