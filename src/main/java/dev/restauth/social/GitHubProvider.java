package dev.restauth.social;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import dev.restauth.config.SocialApp;
import dev.restauth.http.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GitHub OAuth apps, as allauth's {@code GitHubOAuth2Adapter}: a {@code code} is redeemed at
 * {@code <oauth_url>/access_token}; the user is GitHub's {@code /user} (uid: its numeric {@code id}) and the address
 * is the primary one of {@code /user/emails}, verified when GitHub says it is. Without the {@code user:email} scope
 * that list is refused, and the public address of {@code /user} is taken, unverified.
 *
 * <p>A client-supplied {@code access_token} is first checked with {@code POST /applications/<client_id>/token} (the
 * app's own credentials), which GitHub answers with 200 only for a live token issued to this app: a token of any
 * other app would otherwise log in as its user here. Thread-safe.
 */
public final class GitHubProvider extends AccessTokenProvider {
    private static final String MEDIA_TYPE = "application/vnd.github+json";

    public GitHubProvider(SocialApp app, ProviderHttp http) {
        super(app, http);
    }

    @Override
    protected URI tokenEndpoint() {
        return URI.create(app.oauthUrl() + "/access_token");
    }

    @Override
    protected SocialIdentity profile(String token) {
        JsonObject user = Answers.object(http.call(id(), api("/user", token)));
        Address address = address(token, Answers.text(user, "email"));
        return Identities.of(id(), Answers.text(user, "id"), address.email(), address.verified(), null, null,
                Answers.text(user, "name"), Answers.text(user, "login"), user);
    }

    /** GitHub's "check a token" call, authenticated as the app (HTTP Basic with the client id and secret). */
    @Override
    protected void requireTokenOfThisApp(String token) {
        URI uri = URI.create(app.apiUrl() + "/applications/"
                + URLEncoder.encode(app.clientId(), StandardCharsets.UTF_8) + "/token");
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, uri);
        request.setAccept(MEDIA_TYPE);
        request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (app.clientId() + ":" + app.secret()).getBytes(StandardCharsets.UTF_8)));
        request.setHeader("Content-Type", "application/json");
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token);
        request.setBody(Json.write(body));
        if (http.call(id(), request).getStatusCode() != 200) {
            throw ProviderErrors.incorrectValue();
        }
    }

    /** The primary address with GitHub's verified flag, else the public one unverified, else none. */
    private Address address(String token, String publicEmail) {
        HTTPResponse answer = http.call(id(), api("/user/emails", token));
        if (answer.indicatesSuccess()) {
            for (JsonElement entry : Answers.array(answer)) {
                if (entry.isJsonObject() && Answers.flag(entry.getAsJsonObject(), "primary")) {
                    JsonObject primary = entry.getAsJsonObject();
                    return new Address(Answers.text(primary, "email"), Answers.flag(primary, "verified"));
                }
            }
        }
        return new Address(publicEmail, false);
    }

    private HTTPRequest api(String path, String token) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(app.apiUrl() + path));
        request.setAccept(MEDIA_TYPE);
        request.setAuthorization("Bearer " + token);
        return request;
    }

    private record Address(String email, boolean verified) {
    }
}
