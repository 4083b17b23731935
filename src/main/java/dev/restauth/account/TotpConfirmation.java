package dev.restauth.account;

/** What {@code POST mfa/totp/activate/} presents: the activation token of the proposal, and a code it gave. */
public record TotpConfirmation(String activationToken, String code) {
    @Override
    public String toString() {
        return "TotpConfirmation";
    }
}
