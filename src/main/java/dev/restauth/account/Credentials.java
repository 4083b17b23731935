package dev.restauth.account;

/**
 * What a login presents: a username or an e-mail address, and a password.
 *
 * @param login   the username or e-mail address as typed (trimmed)
 * @param byEmail true when {@code login} came from the {@code email} field
 */
public record Credentials(String login, boolean byEmail, String password) {
    @Override
    public String toString() {
        return "Credentials{login=" + login + ", byEmail=" + byEmail + "}";
    }
}
