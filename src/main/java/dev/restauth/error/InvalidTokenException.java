package dev.restauth.error;

import com.google.gson.JsonObject;

import java.util.Map;

/**
 * A token refused by {@code token/refresh/} or {@code token/verify/}: simplejwt's {@code InvalidToken} as its token
 * views answer it, 401 {@code {"detail": ..., "code": ...}} with {@code WWW-Authenticate: Bearer realm="api"}, the
 * challenge those views always send, whatever authentication the API is configured with.
 */
public final class InvalidTokenException extends ApiException {
    /** The challenge of simplejwt's token views ({@code TokenViewBase.get_authenticate_header}). */
    public static final String CHALLENGE = "Bearer realm=\"api\"";
    /** simplejwt's code for a token that is not accepted. */
    public static final String TOKEN_NOT_VALID = "token_not_valid";

    private final String code;

    /** @param code {@link #TOKEN_NOT_VALID}, or another of simplejwt's codes ({@code no_active_account}) */
    public InvalidTokenException(String detail, String code) {
        super(401, detail, Map.of("WWW-Authenticate", CHALLENGE));
        this.code = code;
    }

    /** A token that is not valid, for the reason given. */
    public static InvalidTokenException notValid(String detail) {
        return new InvalidTokenException(detail, TOKEN_NOT_VALID);
    }

    @Override
    public JsonObject body() {
        JsonObject body = super.body();
        body.addProperty("code", code);
        return body;
    }
}
