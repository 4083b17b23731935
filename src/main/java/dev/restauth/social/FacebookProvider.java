package dev.restauth.social;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;

import dev.restauth.auth.Keyring;
import dev.restauth.config.SocialApp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Facebook Login, as allauth's {@code FacebookOAuth2Adapter}: the client sends the user's {@code access_token} (or a
 * {@code code}, redeemed at {@code /oauth/access_token}), and restauth reads the profile from the Graph API's
 * {@code /me}, every call signed with {@code appsecret_proof} (hex HMAC-SHA256 of the token under the app secret).
 *
 * <p>A client-supplied token is first checked with Graph's {@code debug_token} to be valid and minted for this app:
 * a token any other Facebook app obtained for the same person would otherwise log in as them here (allauth's
 * {@code inspect_token}). A token restauth redeemed from a code is the app's by construction. Addresses from
 * Facebook are recorded unverified, as allauth records them. Thread-safe.
 */
public final class FacebookProvider extends AccessTokenProvider {
    /** The profile fields allauth asks for, in its order. */
    static final String FIELDS = "id,email,name,first_name,last_name,verified,locale,timezone,link,gender,"
            + "updated_time";

    private final String graph;

    public FacebookProvider(SocialApp app, ProviderHttp http) {
        super(app, http);
        this.graph = app.graphUrl() + "/" + app.graphVersion();
    }

    @Override
    protected URI tokenEndpoint() {
        return URI.create(graph + "/oauth/access_token");
    }

    /** Graph's {@code debug_token}, asked with the app's own token ({@code <app id>|<app secret>}). */
    @Override
    protected void requireTokenOfThisApp(String token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("input_token", token);
        query.put("access_token", app.clientId() + "|" + app.secret());
        JsonElement data = Answers.object(http.call(id(), get("/debug_token", query))).get("data");
        if (data == null || !data.isJsonObject() || !Answers.flag(data.getAsJsonObject(), "is_valid")
                || !app.clientId().equals(Answers.text(data.getAsJsonObject(), "app_id"))) {
            throw ProviderErrors.incorrectValue();
        }
    }

    @Override
    protected SocialIdentity profile(String token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", FIELDS);
        query.put("access_token", token);
        query.put("appsecret_proof", appSecretProof(app.secret(), token));
        JsonObject me = Answers.object(http.call(id(), get("/me", query)));
        return Identities.of(id(), Answers.text(me, "id"), Answers.text(me, "email"), false,
                Answers.text(me, "first_name"), Answers.text(me, "last_name"), Answers.text(me, "name"),
                Answers.text(me, "username"), me);
    }

    /** Facebook's {@code appsecret_proof}: the hex HMAC-SHA256 of the access token, keyed with the app secret. */
    static String appSecretProof(String appSecret, String accessToken) {
        return Keyring.hmacHex(appSecret, accessToken);
    }

    /** A GET to the Graph API, its query form-encoded as Python's urlencode writes it (commas as %2C). */
    private HTTPRequest get(String path, Map<String, String> query) {
        StringJoiner encoded = new StringJoiner("&");
        query.forEach((name, value) -> encoded.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(graph + path + "?" + encoded));
        request.setAccept("application/json");
        return request;
    }
}
