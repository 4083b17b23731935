package dev.restauth.social;

import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;

import java.util.logging.Logger;

/**
 * The answers a social login gives when the provider's part fails, in one place: a proof that does not hold is
 * dj-rest-auth's 400 {@code Incorrect value}; a provider that cannot be used is 502 (or 504 when it was too slow).
 */
public final class ProviderErrors {
    private static final Logger LOG = Logger.getLogger(ProviderErrors.class.getName());

    private ProviderErrors() {
    }

    /** 400 {@code {"non_field_errors":["Incorrect value"]}}. */
    public static ValidationException incorrectValue() {
        return ValidationException.nonField(Messages.get("social.incorrect_value"));
    }

    /** 400 {@code {"non_field_errors":["Incorrect input. access_token or code is required."]}}. */
    public static ValidationException inputRequired() {
        return ValidationException.nonField(Messages.get("social.input_required"));
    }

    /**
     * The 502 or 504 for a provider that could not be used, logged once here (host and cause only: the exception
     * never carries a URL's path or query).
     */
    public static ApiException unavailable(String providerId, ProviderUnavailableException e) {
        LOG.warning(() -> "social provider " + providerId + " unavailable: " + e.getMessage());
        return e.timedOut() ? ApiException.gatewayTimeout(Messages.get("social.provider_timeout"))
                : ApiException.badGateway(Messages.get("social.provider_unreachable"));
    }

    /** The {@link ProviderUnavailableException} somewhere in a failure's causes (libraries wrap it), or null. */
    static ProviderUnavailableException outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderUnavailableException) {
                return (ProviderUnavailableException) cause;
            }
        }
        return null;
    }
}
