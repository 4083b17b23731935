package dev.restauth.account;

/**
 * What {@code mfa/verify/} presents: the ephemeral token a password login answered, and a code (TOTP or recovery).
 */
public record SecondFactorProof(String ephemeralToken, String code) {
    @Override
    public String toString() {
        return "SecondFactorProof";
    }
}
