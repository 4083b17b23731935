package dev.restauth.account;

/**
 * A validated sign-up, as the register serializer hands it to {@link Register}.
 *
 * @param username empty when none was given and none is required (one is made up from the address)
 * @param email    empty when none was given and none is required
 */
public record SignUp(String username, String email, String password) {
    @Override
    public String toString() {
        return "SignUp{username=" + username + ", email=" + email + "}";
    }
}
