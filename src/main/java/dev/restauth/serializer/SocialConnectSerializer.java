package dev.restauth.serializer;

/**
 * {@code SOCIAL_CONNECT_SERIALIZER}: the body of a request connecting a provider to the logged-in user; the same
 * fields as a social login (dj-rest-auth's {@code SocialConnectSerializer} is its login serializer in connect mode).
 */
public interface SocialConnectSerializer extends SocialLoginSerializer {
}
