package dev.restauth.social;

/**
 * A social login provider: turns what a client sent ({@link SocialCredentials}) into the user's identity at the
 * provider, after checking the proof with the provider (allauth's provider plus its OAuth2 adapter).
 *
 * <p>Contract for implementations:
 * <ul>
 * <li>thread-safe: one instance serves every request;</li>
 * <li>a proof that does not hold (an invalid, expired or foreign token, a wrong issuer or audience, a bad signature,
 * an error answer from the provider) is a {@link dev.restauth.error.ValidationException}, 400
 * {@code {"non_field_errors":["Incorrect value"]}} ({@link ProviderErrors#incorrectValue()}), never a 500;</li>
 * <li>a provider that cannot be reached or does not answer in time is a 502 or 504 JSON answer
 * ({@link ProviderErrors#unavailable}), reached within bounded time: every call goes through {@link ProviderHttp};</li>
 * <li>tokens, codes and secrets are never logged, nor put in exception messages.</li>
 * </ul>
 */
public interface SocialProvider {
    /** The id it is configured and routed under, e.g. {@code facebook} for {@code /facebook/}. */
    String id();

    /**
     * Checks the credentials with the provider and returns who the user is.
     *
     * @throws dev.restauth.error.ValidationException for credentials that prove nothing, or that this provider does
     *                                                not accept (e.g. an ID token sent to Facebook)
     * @throws dev.restauth.error.ApiException        502/504 when the provider cannot be used right now
     */
    SocialIdentity authenticate(SocialCredentials credentials);
}
