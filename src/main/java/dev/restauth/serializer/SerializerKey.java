package dev.restauth.serializer;

/**
 * The serializer registry's keys, named as dj-rest-auth's settings, each with the interface its class must
 * implement. {@code serializers.properties} maps every key to a class.
 */
public enum SerializerKey {
    LOGIN_SERIALIZER(LoginSerializer.class),
    TOKEN_SERIALIZER(TokenSerializer.class),
    USER_DETAILS_SERIALIZER(UserDetailsSerializer.class),
    PASSWORD_CHANGE_SERIALIZER(PasswordChangeSerializer.class),
    PASSWORD_RESET_SERIALIZER(PasswordResetSerializer.class),
    PASSWORD_RESET_CONFIRM_SERIALIZER(PasswordResetConfirmSerializer.class),
    REGISTER_SERIALIZER(RegisterSerializer.class),
    SOCIAL_LOGIN_SERIALIZER(SocialLoginSerializer.class),
    SOCIAL_CONNECT_SERIALIZER(SocialConnectSerializer.class);

    private final Class<?> type;

    SerializerKey(Class<?> type) {
        this.type = type;
    }

    /** The interface a class registered under this key must implement. */
    public Class<?> type() {
        return type;
    }
}
