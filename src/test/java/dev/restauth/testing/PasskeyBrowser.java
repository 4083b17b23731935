package dev.restauth.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnModelAuthenticator;
import com.webauthn4j.test.client.ClientPlatform;

import java.util.function.UnaryOperator;

/**
 * A browser with one WebAuthn authenticator, both emulated by webauthn4j's test kit: it turns the options restauth
 * answers into the {@code PublicKeyCredential} JSON that {@code navigator.credentials.create()} and {@code .get()}
 * would give a page, signed by a real key pair the authenticator keeps.
 */
public final class PasskeyBrowser {
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnModelAuthenticator authenticator;
    private final ClientPlatform platform;

    public PasskeyBrowser(String origin, WebAuthnModelAuthenticator authenticator) {
        this.authenticator = authenticator;
        this.platform = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(authenticator));
    }

    public WebAuthnModelAuthenticator authenticator() {
        return authenticator;
    }

    /** The page's origin from now on (a phishing page's, say). */
    public void origin(String origin) {
        platform.setOrigin(new Origin(origin));
    }

    /** {@code navigator.credentials.create()} with these options, as its {@code toJSON()}. */
    public JsonObject create(String optionsJson) {
        return create(optionsJson, UnaryOperator.identity());
    }

    /** {@code create()} with options a test edits first (attestation asked, another RP id). */
    public JsonObject create(String optionsJson, UnaryOperator<JsonObject> edit) {
        JsonObject options = edit.apply(JsonParser.parseString(optionsJson).getAsJsonObject());
        PublicKeyCredentialCreationOptions parsed = converter.getJsonMapper().readValue(options.toString(),
                PublicKeyCredentialCreationOptions.class);
        return JsonParser.parseString(converter.getJsonMapper().writeValueAsString(platform.create(parsed)))
                .getAsJsonObject();
    }

    /** {@code navigator.credentials.get()} with these options (their {@code session_id} aside). */
    public JsonObject get(String optionsJson) {
        return get(optionsJson, UnaryOperator.identity());
    }

    public JsonObject get(String optionsJson, UnaryOperator<JsonObject> edit) {
        JsonObject options = edit.apply(JsonParser.parseString(optionsJson).getAsJsonObject());
        options.remove("session_id");
        PublicKeyCredentialRequestOptions parsed = converter.getJsonMapper().readValue(options.toString(),
                PublicKeyCredentialRequestOptions.class);
        return JsonParser.parseString(converter.getJsonMapper().writeValueAsString(platform.get(parsed)))
                .getAsJsonObject();
    }
}
