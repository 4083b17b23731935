package dev.restauth.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenID Connect provider inside the test JVM: navikt's mock-oauth2-server on a free loopback port, with
 * discovery, a key set, an authorization endpoint that logs in at once (no login page), a token endpoint that checks
 * PKCE, and UserInfo. Each issuer id ({@code default}, {@code other}) is an issuer of its own with its own keys.
 */
public final class OidcServer implements AutoCloseable {
    /** The issuer id restauth's tests configure. */
    public static final String ISSUER_ID = "default";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final MockOAuth2Server server = new MockOAuth2Server();

    private OidcServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OidcServer start() {
        return new OidcServer();
    }

    /** The issuer URL of an issuer id, exactly as its tokens and metadata name it. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    public String issuer() {
        return issuer(ISSUER_ID);
    }

    /**
     * What the provider's next token request answers with: this subject and these claims (e.g. email,
     * email_verified, given_name), in the ID token and UserInfo.
     */
    public void nextLogin(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(), null,
                claims, 3600));
    }

    /**
     * Runs an authorization request as a browser would, and returns the code the provider redirects back with.
     *
     * @param codeChallenge the PKCE S256 challenge, or null for none
     */
    public String authorize(String clientId, String redirectUri, String nonce, String codeChallenge) {
        StringJoiner query = new StringJoiner("&");
        query.add("client_id=" + encode(clientId)).add("response_type=code").add("scope=openid%20email%20profile")
                .add("redirect_uri=" + encode(redirectUri)).add("state=st4te");
        if (nonce != null) {
            query.add("nonce=" + encode(nonce));
        }
        if (codeChallenge != null) {
            query.add("code_challenge=" + encode(codeChallenge)).add("code_challenge_method=S256");
        }
        URI uri = URI.create(server.authorizationEndpointUrl(ISSUER_ID) + "?" + query);
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("no redirect from the authorization endpoint: " + response.body()));
            Matcher code = CODE.matcher(location);
            if (!code.find()) {
                throw new AssertionError("no code in " + location);
            }
            return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * An ID token signed by an issuer's own key.
     *
     * @param expirySeconds seconds from now until it expires; negative for one that expired already
     */
    public SignedJWT idToken(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
                             long expirySeconds) {
        return server.issueToken(issuerId, audience.isEmpty() ? "client" : audience.get(0),
                new DefaultOAuth2TokenCallback(issuerId, subject, JOSEObjectType.JWT.getType(), audience, claims,
                        expirySeconds));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
