package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.account.SecondFactorProof;
import dev.restauth.apidoc.Schema;

/** {@code MFA_VERIFY_SERIALIZER}: the body of {@code mfa/verify/}. Implementations are thread-safe. */
public interface MfaVerifySerializer {
    /** @throws dev.restauth.error.ValidationException with every field error */
    SecondFactorProof validate(JsonObject data);

    /**
     * The JSON Schema of the body it accepts, for the OpenAPI document; any object unless the implementation says
     * more.
     */
    default JsonObject schema() {
        return Schema.anyObject();
    }
}
