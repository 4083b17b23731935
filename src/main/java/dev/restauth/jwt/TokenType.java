package dev.restauth.jwt;

/** The two kinds of token JWT mode issues, with simplejwt's names for them (its {@code token_type} claim, class). */
public enum TokenType {
    ACCESS("access", "AccessToken"),
    REFRESH("refresh", "RefreshToken");

    private final String claim;
    private final String className;

    TokenType(String claim, String className) {
        this.claim = claim;
        this.className = className;
    }

    /** The value of the {@code token_type} claim: {@code access} or {@code refresh}. */
    public String claim() {
        return claim;
    }

    /** simplejwt's class for the type, named in the {@code messages} of a refused access token. */
    public String className() {
        return className;
    }
}
