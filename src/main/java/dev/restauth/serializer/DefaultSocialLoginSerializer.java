package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.social.ProviderErrors;
import dev.restauth.social.SocialCredentials;

/**
 * dj-rest-auth's {@code SocialLoginSerializer}: {@code access_token}, {@code code} and {@code id_token}, each
 * optional and possibly blank; at least one must be non-blank, else "Incorrect input. access_token or code is
 * required." restauth adds what the code and ID token flows need from the client: {@code code_verifier} (PKCE),
 * {@code nonce} and {@code redirect_uri} (which of the provider's callback URLs the client used).
 */
public class DefaultSocialLoginSerializer implements SocialLoginSerializer {
    private static final CharField TOKEN = CharField.optional().allowBlank();

    @Override
    public SocialCredentials validate(JsonObject data) {
        Fields fields = new Fields(data);
        String accessToken = orNull(fields.text("access_token", TOKEN));
        String code = orNull(fields.text("code", TOKEN));
        String idToken = orNull(fields.text("id_token", TOKEN));
        String codeVerifier = orNull(fields.text("code_verifier", TOKEN));
        String nonce = orNull(fields.text("nonce", TOKEN));
        String redirectUri = orNull(fields.text("redirect_uri", TOKEN));
        fields.throwIfInvalid();
        if (accessToken == null && code == null && idToken == null) {
            throw ProviderErrors.inputRequired();
        }
        return new SocialCredentials(accessToken, code, codeVerifier, idToken, nonce, redirectUri);
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public JsonObject schema() {
        return Schema.object().optional("access_token", Schema.string()).optional("code", Schema.string())
                .optional("id_token", Schema.string()).optional("code_verifier", Schema.string())
                .optional("nonce", Schema.string()).optional("redirect_uri", Schema.string()).open().build();
    }
}
