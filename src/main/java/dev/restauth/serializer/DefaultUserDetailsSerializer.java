package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.ProfileChange;
import dev.restauth.apidoc.Schema;
import dev.restauth.text.Messages;
import dev.restauth.user.Canonical;
import dev.restauth.user.User;
import dev.restauth.user.UsernameValidator;

/**
 * dj-rest-auth's {@code UserDetailsSerializer}: {@code pk, username, email, first_name, last_name}, with {@code pk}
 * and {@code email} read-only (sent values are ignored). {@code username} is required on {@code PUT}, a valid
 * Django username of at most 150 characters, and unique in any letter case, except that a user may keep their
 * own name. Every length is checked on the value as stored (the username after NFKC, which must still be a valid
 * username) in the unit the database's columns count. Subclass it to add or hide fields.
 */
public class DefaultUserDetailsSerializer implements UserDetailsSerializer {
    private static final int MAX_LENGTH = User.NAME_LENGTH;
    private static final CharField USERNAME = CharField.required().maxLength(MAX_LENGTH).username();
    private static final CharField USERNAME_PARTIAL = CharField.optional().maxLength(MAX_LENGTH).username();
    private static final CharField NAME = CharField.optional().allowBlank().maxLength(MAX_LENGTH);

    private final SerializerContext context;

    public DefaultUserDetailsSerializer(SerializerContext context) {
        this.context = context;
    }

    @Override
    public JsonObject render(User user) {
        JsonObject body = new JsonObject();
        body.addProperty("pk", user.id());
        body.addProperty("username", user.username());
        body.addProperty("email", user.email());
        body.addProperty("first_name", user.firstName());
        body.addProperty("last_name", user.lastName());
        return body;
    }

    @Override
    public ProfileChange validate(JsonObject data, User user, boolean partial) {
        Fields fields = new Fields(data);
        String username = fields.text("username", partial ? USERNAME_PARTIAL : USERNAME);
        if (username != null) {
            username = Canonical.username(username);
            fields.rejectIfLonger("username", username, MAX_LENGTH, context.users()::storedLength);
            if (fields.valid("username") && !UsernameValidator.isValid(username)) {
                fields.reject("username", Messages.get("field.username"));
            }
            if (fields.valid("username") && context.users().usernameTaken(username, user.id())) {
                fields.reject("username", Messages.get("user.username_taken"));
            }
        }
        String firstName = fields.text("first_name", NAME);
        fields.rejectIfLonger("first_name", firstName, MAX_LENGTH, context.users()::storedLength);
        String lastName = fields.text("last_name", NAME);
        fields.rejectIfLonger("last_name", lastName, MAX_LENGTH, context.users()::storedLength);
        fields.throwIfInvalid();
        return new ProfileChange(username != null ? username : user.username(),
                firstName != null ? firstName : user.firstName(),
                lastName != null ? lastName : user.lastName());
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("pk", Schema.integer()).field("username", Schema.string())
                .field("email", Schema.string()).field("first_name", Schema.string())
                .field("last_name", Schema.string()).build();
    }

    @Override
    public JsonObject changeSchema() {
        return Schema.object().optional("username", Schema.string()).optional("first_name", Schema.string())
                .optional("last_name", Schema.string()).open().build();
    }
}
