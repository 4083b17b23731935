package dev.restauth.password;

/**
 * The user a password is checked against. Any field may be null or empty (for instance during registration,
 * before a user exists); such fields are simply not compared.
 *
 * @param username  the login name
 * @param email     the e-mail address
 * @param firstName the given name
 * @param lastName  the family name
 */
public record UserAttributes(String username, String email, String firstName, String lastName) {
}
