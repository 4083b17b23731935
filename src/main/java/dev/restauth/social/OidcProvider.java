package dev.restauth.social;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import dev.restauth.config.SocialApp;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.http.Json;
import dev.restauth.text.Messages;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Any OpenID Connect provider, found by discovery from its issuer (allauth's {@code openid_connect} provider); Google
 * is one with Google's issuer ({@link #google}). The client sends either
 * <ul>
 * <li>an {@code id_token} issued to restauth's client id (Sign in with Google and the like), checked here: its
 * signature against the provider's published keys, {@code iss}, {@code aud} (and {@code azp}), {@code exp} and
 * {@code iat}, and {@code nonce} when the client sends the one it used; or</li>
 * <li>a {@code code} from its own authorization request, with the {@code code_verifier} when it used PKCE, which
 * restauth redeems at the token endpoint; the ID token that comes back is checked the same way, and the UserInfo
 * endpoint's claims are added (some providers keep the address out of the ID token).</li>
 * </ul>
 * An access token alone proves nothing about who it was issued to, so it is refused.
 *
 * <p>The metadata is read on first use, not at start, so restauth starts while a provider is down; it is kept for the
 * life of the process. The provider's keys are cached for five minutes, and fetched again early when a token names
 * a key not seen yet (at most every 30 seconds). A failed discovery is not retried for
 * {@link #RETRY_AFTER_FAILURE}: while the provider is down, logins fail at once instead of each waiting out the
 * timeouts. Thread-safe.
 */
public class OidcProvider implements SocialProvider {
    /** How long a failed discovery is answered from memory before it is tried again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final String GOOGLE_ISSUER = "https://accounts.google.com";
    private static final long KEYS_TIME_TO_LIVE_MS = Duration.ofMinutes(5).toMillis();
    private static final long KEYS_REFETCH_INTERVAL_MS = Duration.ofSeconds(30).toMillis();
    /** Signature algorithms an ID token may use: public-key ones only (never "none" or a shared secret). */
    private static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA", "Ed25519");

    private final SocialApp app;
    private final ProviderHttp http;
    private final Set<String> issuers;
    private final Duration deadline;
    private final ReentrantLock discovering = new ReentrantLock();
    private volatile Endpoints endpoints;
    private volatile Failure failure;

    /**
     * @param deadline the longest a request waits for discovery (its own or another request's)
     * @param aliases  other spellings of the issuer its ID tokens may carry
     */
    public OidcProvider(SocialApp app, ProviderHttp http, Duration deadline, List<String> aliases) {
        this.app = app;
        this.http = http;
        this.deadline = deadline;
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(app.issuer());
        accepted.addAll(aliases);
        this.issuers = Set.copyOf(accepted);
    }

    /**
     * Sign in with Google: Google's ID tokens name their issuer {@code https://accounts.google.com} or, from some
     * clients, {@code accounts.google.com}; both are accepted while the issuer is Google's.
     */
    public static OidcProvider google(SocialApp app, ProviderHttp http, Duration deadline) {
        List<String> aliases = GOOGLE_ISSUER.equals(app.issuer()) ? List.of("accounts.google.com") : List.of();
        return new OidcProvider(app, http, deadline, aliases);
    }

    @Override
    public String id() {
        return app.id();
    }

    @Override
    public SocialIdentity authenticate(SocialCredentials credentials) {
        if (credentials.code() != null) {
            return redeem(credentials);
        }
        if (credentials.idToken() != null) {
            return identity(validate(endpoints(), credentials.idToken(), credentials.nonce()));
        }
        if (credentials.accessToken() != null) {
            throw ValidationException.nonField(Messages.get("social.id_token_or_code_required"));
        }
        throw ProviderErrors.inputRequired();
    }

    /** The code flow: redeem the code, check the ID token, add the UserInfo claims. */
    private SocialIdentity redeem(SocialCredentials credentials) {
        Endpoints known = endpoints();
        HTTPRequest request = CodeGrants.tokenRequest(known.token(), app, known.clientAuth(), credentials);
        OIDCTokens tokens;
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(http.call(id(), request));
            if (!(response instanceof OIDCTokenResponse)) {
                throw ProviderErrors.incorrectValue();
            }
            tokens = ((OIDCTokenResponse) response).getOIDCTokens();
        } catch (ParseException e) {
            throw ProviderErrors.incorrectValue();
        }
        if (tokens.getIDTokenString() == null) {
            throw ProviderErrors.incorrectValue();
        }
        JsonObject claims = validate(known, tokens.getIDTokenString(), credentials.nonce());
        BearerAccessToken accessToken = tokens.getBearerAccessToken();
        if (known.userInfo() != null && accessToken != null) {
            addUserInfo(claims, known.userInfo(), accessToken);
        }
        return identity(claims);
    }

    /**
     * The claims of a genuine ID token for this client.
     *
     * @throws ValidationException "Incorrect value" for anything else
     */
    private JsonObject validate(Endpoints known, String idToken, String nonce) {
        SignedJWT jwt;
        String issuer;
        try {
            JWT parsed = JWTParser.parse(idToken);
            if (!(parsed instanceof SignedJWT)) {
                throw ProviderErrors.incorrectValue(); // unsigned or encrypted: restauth accepts signed tokens only
            }
            jwt = (SignedJWT) parsed;
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException e) {
            throw ProviderErrors.incorrectValue();
        }
        // The validator of the token's own issuer checks it again, against its signature.
        IDTokenValidator validator = issuer == null ? null : known.validators().get(issuer);
        if (validator == null) {
            throw ProviderErrors.incorrectValue();
        }
        try {
            return (JsonObject) Json.parse(validator.validate(jwt, nonce == null ? null : new Nonce(nonce))
                    .toJSONObject().toJSONString());
        } catch (BadJOSEException | JOSEException e) {
            ProviderUnavailableException outage = ProviderErrors.outage(e);
            if (outage != null) {
                throw ProviderErrors.unavailable(id(), outage);
            }
            throw ProviderErrors.incorrectValue();
        }
    }

    /**
     * Adds what the UserInfo endpoint says to the ID token's claims. Its {@code sub} must be the ID token's (OpenID
     * Connect Core 5.3.2); an endpoint that refuses or answers a signed JWT adds nothing: the ID token decides.
     */
    private void addUserInfo(JsonObject claims, URI endpoint, BearerAccessToken accessToken) {
        HTTPResponse answer = http.call(id(), new UserInfoRequest(endpoint, accessToken).toHTTPRequest());
        String type = answer.getHeaderValue("Content-Type");
        if (!answer.indicatesSuccess() || type == null || !type.startsWith("application/json")) {
            return;
        }
        JsonObject userInfo = Answers.object(answer);
        if (!Answers.text(claims, "sub").equals(Answers.text(userInfo, "sub"))) {
            throw ProviderErrors.incorrectValue();
        }
        for (Map.Entry<String, JsonElement> claim : userInfo.entrySet()) {
            claims.add(claim.getKey(), claim.getValue());
        }
    }

    private SocialIdentity identity(JsonObject claims) {
        return Identities.of(id(), Answers.text(claims, "sub"), Answers.text(claims, "email"),
                Answers.flag(claims, "email_verified"), Answers.text(claims, "given_name"),
                Answers.text(claims, "family_name"), Answers.text(claims, "name"),
                Answers.text(claims, "preferred_username"), claims);
    }

    /** The provider's endpoints and token validators, discovered once. */
    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        try {
            if (!discovering.tryLock(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ProviderErrors.unavailable(id(), new ProviderUnavailableException(
                        "discovery still running after " + deadline.toSeconds() + " s", true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderErrors.unavailable(id(), new ProviderUnavailableException("interrupted", false));
        }
        try {
            if (endpoints != null) {
                return endpoints;
            }
            Failure last = failure;
            if (last != null && System.nanoTime() - last.at() < RETRY_AFTER_FAILURE.toNanos()) {
                throw last.answer();
            }
            try {
                endpoints = discover();
                failure = null;
                return endpoints;
            } catch (ApiException e) {
                failure = new Failure(System.nanoTime(), e);
                throw e;
            }
        } finally {
            discovering.unlock();
        }
    }

    private Endpoints discover() {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, app.discoveryUrl());
        request.setAccept("application/json");
        HTTPResponse answer = http.call(id(), request);
        OIDCProviderMetadata metadata;
        try {
            if (!answer.indicatesSuccess()) {
                throw misconfigured("answered " + answer.getStatusCode() + " for its metadata");
            }
            metadata = OIDCProviderMetadata.parse(answer.getBody());
        } catch (ParseException e) {
            throw misconfigured("sent metadata that do not parse");
        }
        if (!app.issuer().equals(metadata.getIssuer().getValue())) {
            // OpenID Connect Discovery 4.3: metadata naming another issuer must not be used.
            throw misconfigured("sent metadata of another issuer");
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), http)
                    .cache(KEYS_TIME_TO_LIVE_MS, deadline.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(KEYS_REFETCH_INTERVAL_MS)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException | NullPointerException e) {
            throw misconfigured("names no usable jwks_uri");
        }
        JWSVerificationKeySelector<SecurityContext> selector =
                new JWSVerificationKeySelector<>(algorithms(metadata.getIDTokenJWSAlgs()), keys);
        Map<String, IDTokenValidator> validators = new LinkedHashMap<>();
        for (String issuer : issuers) {
            validators.put(issuer, new IDTokenValidator(new Issuer(issuer), new ClientID(app.clientId()), selector,
                    null));
        }
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        // client_secret_basic is the default when the provider lists none (OpenID Connect Discovery 3).
        CodeGrants.ClientAuth auth = methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                ? CodeGrants.ClientAuth.BASIC : CodeGrants.ClientAuth.POST;
        return new Endpoints(metadata.getTokenEndpointURI(), metadata.getUserInfoEndpointURI(), Map.copyOf(validators),
                auth);
    }

    private ApiException misconfigured(String what) {
        return ProviderErrors.unavailable(id(), new ProviderUnavailableException(
                app.discoveryUrl().getHost() + " " + what, false));
    }

    /** The provider's ID token algorithms that restauth accepts; RS256 when it lists none. */
    private static Set<JWSAlgorithm> algorithms(List<JWSAlgorithm> listed) {
        Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
        if (listed != null) {
            for (JWSAlgorithm algorithm : listed) {
                if (ASYMMETRIC.contains(algorithm.getName())) {
                    accepted.add(algorithm);
                }
            }
        }
        if (accepted.isEmpty()) {
            accepted.add(JWSAlgorithm.RS256);
        }
        return accepted;
    }

    /** What discovery found. */
    private record Endpoints(URI token, URI userInfo, Map<String, IDTokenValidator> validators,
                             CodeGrants.ClientAuth clientAuth) {
    }

    /** A failed discovery and when it happened ({@link System#nanoTime()}). */
    private record Failure(long at, ApiException answer) {
    }
}
