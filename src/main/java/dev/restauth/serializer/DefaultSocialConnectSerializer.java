package dev.restauth.serializer;

/** dj-rest-auth's {@code SocialConnectSerializer}: the social login fields, for connecting. */
public class DefaultSocialConnectSerializer extends DefaultSocialLoginSerializer implements SocialConnectSerializer {
}
