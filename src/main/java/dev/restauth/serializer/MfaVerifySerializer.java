package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.SecondFactorProof;

/** {@code MFA_VERIFY_SERIALIZER}: the body of {@code mfa/verify/}. Implementations are thread-safe. */
public interface MfaVerifySerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    SecondFactorProof validate(JsonObject data);
}
