package dev.restauth.auth;

/**
 * Where a request comes from, as far as restauth can tell: the client's IP address as rate limits count it (see
 * {@code http.ClientAddresses}) and the {@code User-Agent} it sent. Neither proves anything; they name the request
 * for rate limits and for the user's own view of where they are signed in.
 *
 * @param address   the client's IP address; never null
 * @param userAgent the {@code User-Agent} header, cut to {@link #USER_AGENT_LENGTH} characters; empty when none
 */
public record Client(String address, String userAgent) {
    /** The longest user agent kept. */
    public static final int USER_AGENT_LENGTH = 255;

    public Client {
        userAgent = userAgent == null ? "" : userAgent.length() > USER_AGENT_LENGTH
                ? userAgent.substring(0, USER_AGENT_LENGTH) : userAgent;
    }

    /** A client known only by its address (tools, tests). */
    public static Client at(String address) {
        return new Client(address, "");
    }
}
