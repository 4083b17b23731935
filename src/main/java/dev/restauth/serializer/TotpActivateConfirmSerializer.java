package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.TotpConfirmation;

/** {@code MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER}: the body of {@code POST mfa/totp/activate/}. Thread-safe. */
public interface TotpActivateConfirmSerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    TotpConfirmation validate(JsonObject data);
}
