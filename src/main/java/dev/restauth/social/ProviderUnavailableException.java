package dev.restauth.social;

import java.io.IOException;

/**
 * A provider gave no usable answer: it could not be reached, did not answer within the timeouts, or sent more than
 * restauth reads. Its message names the host and what happened, never a path or query (they carry tokens).
 */
public final class ProviderUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    ProviderUnavailableException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** True when the provider did not answer in time (504), false when it could not be used at all (502). */
    public boolean timedOut() {
        return timedOut;
    }
}
