package dev.restauth.webauthn;

/**
 * A registration or an assertion was refused: malformed input, or a check of the ceremony failed. The message is
 * for the log (it never holds key material); clients are told only the reference's generic sentence.
 */
public final class WebAuthnException extends RuntimeException {
    /** Why a ceremony was refused. */
    public enum Reason {
        /** The credential JSON or its binary parts cannot be read. */
        MALFORMED,
        /** A check failed: challenge, origin, RP id, signature, user presence or verification, algorithm. */
        FAILED,
        /** The signature counter did not move forward: the authenticator may have been cloned. */
        CLONED
    }

    private final Reason reason;

    public WebAuthnException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
