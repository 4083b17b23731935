package dev.restauth.webauthn;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;

import dev.restauth.config.Settings;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * restauth as a WebAuthn relying party, on webauthn4j: the options a browser's {@code navigator.credentials} calls
 * take (in py_webauthn's JSON, as dj-rest-auth sends them), and the checks of what the authenticator answers
 * (registration: challenge, origin, RP id hash, user presence and, when required, verification, the attestation
 * statement's signature for {@code none}, {@code packed} and the other formats webauthn4j knows, without trust
 * anchors; assertion: the same plus the signature by the stored public key and the signature counter).
 *
 * <p>Every failure, whatever webauthn4j threw for it (its verification and conversion exceptions, and the
 * {@code NullPointerException}s and Jackson exceptions that junk input causes), comes out as a
 * {@link WebAuthnException}, so no input reaches a client as a 500. Binary values are base64url without padding.
 * Thread-safe.
 */
public final class RelyingParty {
    /** py_webauthn's default algorithms, in its order: ES256, EdDSA, ES512, PS256, PS384, PS512, RS256, RS384, RS512. */
    private static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.ES256,
            COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.ES512,
            COSEAlgorithmIdentifier.PS256, COSEAlgorithmIdentifier.PS384, COSEAlgorithmIdentifier.PS512,
            COSEAlgorithmIdentifier.RS256, COSEAlgorithmIdentifier.RS384, COSEAlgorithmIdentifier.RS512);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String id;
    private final String name;
    private final Set<Origin> origins = new LinkedHashSet<>();
    private final boolean userVerificationRequired;
    private final long timeoutMillis;
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter credentialData = new AttestedCredentialDataConverter(converter);
    private final List<PublicKeyCredentialParameters> parameters = new ArrayList<>();

    /** From {@code passkey_rp_id}, {@code passkey_rp_name}, {@code passkey_rp_origins} and the verification rule. */
    public RelyingParty(Settings settings) {
        this.id = settings.get(Settings.PASSKEY_RP_ID);
        this.name = settings.get(Settings.PASSKEY_RP_NAME);
        for (String origin : settings.get(Settings.PASSKEY_RP_ORIGINS)) {
            origins.add(new Origin(origin));
        }
        this.userVerificationRequired = settings.get(Settings.PASSKEY_REQUIRE_USER_VERIFICATION);
        this.timeoutMillis = settings.get(Settings.PASSKEY_CHALLENGE_TIMEOUT) * 1000L;
        for (COSEAlgorithmIdentifier algorithm : ALGORITHMS) {
            parameters.add(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, algorithm));
        }
    }

    /** A new credential's owner as the options name it. */
    public record Account(String userHandle, String name, String displayName) {
    }

    /**
     * {@code PublicKeyCredentialCreationOptions} as JSON: a discoverable credential preferred, no attestation asked,
     * the user's existing credentials excluded.
     */
    public JsonObject creationOptions(byte[] challenge, Account account, List<String> excludedCredentialIds) {
        JsonObject rp = new JsonObject();
        rp.addProperty("name", name);
        rp.addProperty("id", id);
        JsonObject user = new JsonObject();
        user.addProperty("id", account.userHandle());
        user.addProperty("name", account.name());
        user.addProperty("displayName", account.displayName());
        JsonArray algorithms = new JsonArray();
        for (COSEAlgorithmIdentifier algorithm : ALGORITHMS) {
            JsonObject parameter = new JsonObject();
            parameter.addProperty("type", "public-key");
            parameter.addProperty("alg", algorithm.getValue());
            algorithms.add(parameter);
        }
        JsonObject selection = new JsonObject();
        selection.addProperty("residentKey", "preferred");
        selection.addProperty("requireResidentKey", false);
        selection.addProperty("userVerification", userVerification());
        JsonObject options = new JsonObject();
        options.add("rp", rp);
        options.add("user", user);
        options.addProperty("challenge", B64URL.encodeToString(challenge));
        options.add("pubKeyCredParams", algorithms);
        options.addProperty("timeout", timeoutMillis);
        options.add("excludeCredentials", descriptors(excludedCredentialIds));
        options.add("authenticatorSelection", selection);
        options.addProperty("attestation", "none");
        return options;
    }

    /** {@code PublicKeyCredentialRequestOptions} as JSON; an empty list lets the user pick any discoverable passkey. */
    public JsonObject requestOptions(byte[] challenge, List<String> allowedCredentialIds) {
        JsonObject options = new JsonObject();
        options.addProperty("challenge", B64URL.encodeToString(challenge));
        options.addProperty("timeout", timeoutMillis);
        options.addProperty("rpId", id);
        options.add("allowCredentials", descriptors(allowedCredentialIds));
        options.addProperty("userVerification", userVerification());
        return options;
    }

    /** A registration response, read but not yet checked. */
    public static final class Registration {
        private final RegistrationData data;

        private Registration(RegistrationData data) {
            this.data = data;
        }

        /** The challenge the client says it signed, base64url: which begun registration this one finishes. */
        public String challenge() {
            return B64URL.encodeToString(data.getCollectedClientData().getChallenge().getValue());
        }
    }

    /** What a checked registration stores. */
    public record NewCredential(String credentialId, String credentialData, long signCount, List<String> transports,
                                String format) {
    }

    /**
     * Reads a {@code PublicKeyCredential} from {@code navigator.credentials.create()} (its {@code toJSON()} form).
     *
     * @throws WebAuthnException {@code MALFORMED} for anything that is not one
     */
    public Registration parseRegistration(String credentialJson) {
        return new Registration(guard(() -> {
            RegistrationData data = manager.parseRegistrationResponseJSON(credentialJson);
            if (data.getAttestationObject() == null || data.getCollectedClientData() == null
                    || data.getCollectedClientData().getChallenge() == null) {
                throw new WebAuthnException(WebAuthnException.Reason.MALFORMED, "registration lacks its parts");
            }
            return data;
        }));
    }

    /**
     * Checks a registration against the challenge this server issued for it.
     *
     * @throws WebAuthnException {@code FAILED} when a check fails
     */
    public NewCredential verifyRegistration(Registration registration, byte[] challenge) {
        RegistrationData data = guard(() -> manager.verify(registration.data,
                new RegistrationParameters(serverProperty(challenge), parameters, userVerificationRequired, true)));
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticator.getAttestedCredentialData();
        List<String> transports = new ArrayList<>();
        if (data.getTransports() != null) {
            for (AuthenticatorTransport transport : data.getTransports()) {
                transports.add(transport.getValue());
            }
        }
        return new NewCredential(B64URL.encodeToString(attested.getCredentialId()),
                B64URL.encodeToString(credentialData.convert(attested)), authenticator.getSignCount(), transports,
                data.getAttestationObject().getFormat());
    }

    /** An assertion response, read but not yet checked. */
    public static final class Assertion {
        private final AuthenticationData data;

        private Assertion(AuthenticationData data) {
            this.data = data;
        }

        /** The credential id it names, base64url. */
        public String credentialId() {
            return B64URL.encodeToString(data.getCredentialId());
        }

        /** The user handle the authenticator returned (a discoverable credential's owner), base64url, or null. */
        public String userHandle() {
            return data.getUserHandle() == null ? null : B64URL.encodeToString(data.getUserHandle());
        }
    }

    /**
     * Reads a {@code PublicKeyCredential} from {@code navigator.credentials.get()}.
     *
     * @throws WebAuthnException {@code MALFORMED} for anything that is not one
     */
    public Assertion parseAssertion(String credentialJson) {
        return new Assertion(guard(() -> {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(credentialJson);
            if (data.getCredentialId() == null || data.getAuthenticatorData() == null
                    || data.getCollectedClientData() == null || data.getSignature() == null) {
                throw new WebAuthnException(WebAuthnException.Reason.MALFORMED, "assertion lacks its parts");
            }
            return data;
        }));
    }

    /**
     * Checks an assertion against the challenge issued for it and the stored credential.
     *
     * @param credentialData the stored attested credential data, base64url
     * @param signCount      the stored signature counter
     * @return the authenticator's new signature counter, to store
     * @throws WebAuthnException {@code CLONED} when the counter did not move forward, {@code FAILED} for any other
     *                           failed check
     */
    public long verifyAssertion(Assertion assertion, byte[] challenge, String credentialData, long signCount) {
        AttestedCredentialData attested = guard(() ->
                this.credentialData.convert(Base64.getUrlDecoder().decode(credentialData)));
        CredentialRecordImpl record = new CredentialRecordImpl(null, null, null, null, signCount, attested, null, null,
                null, null);
        AuthenticationData verified = guard(() -> manager.verify(assertion.data, new AuthenticationParameters(
                serverProperty(challenge), record, null, userVerificationRequired, true)));
        return verified.getAuthenticatorData().getSignCount();
    }

    public String id() {
        return id;
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return ServerProperty.builder().origins(origins).rpId(id).challenge(new DefaultChallenge(challenge)).build();
    }

    private String userVerification() {
        return userVerificationRequired ? "required" : "preferred";
    }

    private static JsonArray descriptors(List<String> credentialIds) {
        JsonArray list = new JsonArray();
        for (String credentialId : credentialIds) {
            JsonObject descriptor = new JsonObject();
            descriptor.addProperty("id", credentialId);
            descriptor.addProperty("type", "public-key");
            list.add(descriptor);
        }
        return list;
    }

    /**
     * Runs a webauthn4j call, turning whatever it throws into a {@link WebAuthnException}: its verification and
     * conversion exceptions, and the runtime exceptions junk input causes inside it (null fields, Jackson's parse
     * errors, bad base64).
     */
    private static <T> T guard(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebAuthnException e) {
            throw e;
        } catch (MaliciousCounterValueException e) {
            throw new WebAuthnException(WebAuthnException.Reason.CLONED, e.getMessage());
        } catch (VerificationException e) {
            throw new WebAuthnException(WebAuthnException.Reason.FAILED, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        } catch (DataConversionException | IllegalArgumentException | NullPointerException | ClassCastException
                 | IllegalStateException | IndexOutOfBoundsException e) {
            throw new WebAuthnException(WebAuthnException.Reason.MALFORMED, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Jackson 3's exceptions (tools.jackson.core.JacksonException and kin) are unchecked and have no common
            // ancestor below RuntimeException that webauthn4j exposes: anything else it throws is the input's fault.
            throw new WebAuthnException(WebAuthnException.Reason.MALFORMED, e.getClass().getSimpleName());
        }
    }
}
