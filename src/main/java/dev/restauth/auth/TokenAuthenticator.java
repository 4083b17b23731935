package dev.restauth.auth;

import dev.restauth.error.NotAuthenticatedException;
import dev.restauth.text.Messages;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code Authorization: Token <key>}, as DRF's {@code TokenAuthentication}: the keyword is matched
 * case-insensitively, other schemes ({@code Bearer ...}) are not this authenticator's business, and a malformed
 * header or an unknown key is a 401 with DRF's message.
 */
public final class TokenAuthenticator implements Authenticator {
    private static final String KEYWORD = "token";

    private final Tokens tokens;

    public TokenAuthenticator(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Identity> authenticate(HttpServletRequest request) {
        String[] parts = AuthorizationHeader.words(request);
        if (parts.length == 0 || !parts[0].toLowerCase(Locale.ROOT).equals(KEYWORD)) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            throw NotAuthenticatedException.failed(Messages.get("auth.token_no_credentials"));
        }
        if (parts.length > 2) {
            throw NotAuthenticatedException.failed(Messages.get("auth.token_spaces"));
        }
        if (!parts[1].chars().allMatch(c -> c < 0x80)) {
            throw NotAuthenticatedException.failed(Messages.get("auth.token_invalid_characters"));
        }
        Identity identity = tokens.identify(parts[1])
                .orElseThrow(() -> NotAuthenticatedException.failed(Messages.get("auth.token_invalid")));
        if (!identity.user().active()) {
            throw NotAuthenticatedException.failed(Messages.get("auth.user_inactive"));
        }
        return Optional.of(identity);
    }

    @Override
    public String challenge() {
        return "Token";
    }

    @Override
    public boolean present(HttpServletRequest request) {
        String[] parts = AuthorizationHeader.words(request);
        return parts.length > 0 && parts[0].toLowerCase(Locale.ROOT).equals(KEYWORD);
    }

    @Override
    public boolean readsCookies() {
        return false;
    }
}
