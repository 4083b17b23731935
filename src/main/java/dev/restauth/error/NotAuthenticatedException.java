package dev.restauth.error;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.text.Messages;

/**
 * Missing or bad credentials. DRF answers 401 with {@code WWW-Authenticate} when the first authentication class
 * has a challenge (token, JWT) and 403 otherwise (session first); the servlet decides which, knowing the order.
 * simplejwt's refusals also carry a {@code code} and, for a token no type accepts, the {@code messages} of each try.
 */
public final class NotAuthenticatedException extends ApiException {
    private final String code;
    private final JsonArray messages;

    private NotAuthenticatedException(String detail, String code, JsonArray messages) {
        super(401, detail);
        this.code = code;
        this.messages = messages;
    }

    /** No credentials at all: "Authentication credentials were not provided." */
    public static NotAuthenticatedException missing() {
        return new NotAuthenticatedException(Messages.get("auth.not_provided"), null, null);
    }

    /** Credentials that were presented but are wrong, e.g. "Invalid token.". */
    public static NotAuthenticatedException failed(String detail) {
        return new NotAuthenticatedException(detail, null, null);
    }

    /** simplejwt's {@code AuthenticationFailed}: {@code {"detail": ..., "code": ...}}. */
    public static NotAuthenticatedException failed(String detail, String code) {
        return new NotAuthenticatedException(detail, code, null);
    }

    /**
     * simplejwt's {@code InvalidToken} for a token no token class accepts: {@code {"detail": ..., "code":
     * "token_not_valid", "messages": [{"token_class", "token_type", "message"}, ...]}}.
     */
    public static NotAuthenticatedException failed(String detail, String code, JsonArray messages) {
        return new NotAuthenticatedException(detail, code, messages.deepCopy());
    }

    @Override
    public JsonObject body() {
        JsonObject body = super.body();
        if (code != null) {
            body.addProperty("code", code);
        }
        if (messages != null) {
            body.add("messages", messages.deepCopy());
        }
        return body;
    }
}
