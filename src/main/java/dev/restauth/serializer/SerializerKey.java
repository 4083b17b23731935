package dev.restauth.serializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key of the serializer registry, named as dj-rest-auth's setting, with the interface its class must implement:
 * {@code registry.get(SerializerKey.LOGIN_SERIALIZER)} is a {@link LoginSerializer}. {@code serializers.properties}
 * maps every key to a class.
 *
 * @param <T> the interface of the serializers registered under this key
 */
public final class SerializerKey<T> {
    private static final List<SerializerKey<?>> ALL = new ArrayList<>();

    public static final SerializerKey<LoginSerializer> LOGIN_SERIALIZER =
            define("LOGIN_SERIALIZER", LoginSerializer.class);
    public static final SerializerKey<TokenSerializer> TOKEN_SERIALIZER =
            define("TOKEN_SERIALIZER", TokenSerializer.class);
    public static final SerializerKey<UserDetailsSerializer> USER_DETAILS_SERIALIZER =
            define("USER_DETAILS_SERIALIZER", UserDetailsSerializer.class);
    public static final SerializerKey<PasswordChangeSerializer> PASSWORD_CHANGE_SERIALIZER =
            define("PASSWORD_CHANGE_SERIALIZER", PasswordChangeSerializer.class);
    public static final SerializerKey<PasswordResetSerializer> PASSWORD_RESET_SERIALIZER =
            define("PASSWORD_RESET_SERIALIZER", PasswordResetSerializer.class);
    public static final SerializerKey<PasswordResetConfirmSerializer> PASSWORD_RESET_CONFIRM_SERIALIZER =
            define("PASSWORD_RESET_CONFIRM_SERIALIZER", PasswordResetConfirmSerializer.class);
    public static final SerializerKey<RegisterSerializer> REGISTER_SERIALIZER =
            define("REGISTER_SERIALIZER", RegisterSerializer.class);
    public static final SerializerKey<SocialLoginSerializer> SOCIAL_LOGIN_SERIALIZER =
            define("SOCIAL_LOGIN_SERIALIZER", SocialLoginSerializer.class);
    public static final SerializerKey<SocialConnectSerializer> SOCIAL_CONNECT_SERIALIZER =
            define("SOCIAL_CONNECT_SERIALIZER", SocialConnectSerializer.class);
    public static final SerializerKey<SocialAccountSerializer> SOCIAL_ACCOUNT_SERIALIZER =
            define("SOCIAL_ACCOUNT_SERIALIZER", SocialAccountSerializer.class);
    // JWT mode: dj-rest-auth's JWT serializers and simplejwt's token views' serializers.
    public static final SerializerKey<JwtSerializer> JWT_SERIALIZER =
            define("JWT_SERIALIZER", JwtSerializer.class);
    public static final SerializerKey<JwtSerializer> JWT_SERIALIZER_WITH_EXPIRATION =
            define("JWT_SERIALIZER_WITH_EXPIRATION", JwtSerializer.class);
    public static final SerializerKey<TokenRefreshSerializer> TOKEN_REFRESH_SERIALIZER =
            define("TOKEN_REFRESH_SERIALIZER", TokenRefreshSerializer.class);
    public static final SerializerKey<TokenVerifySerializer> TOKEN_VERIFY_SERIALIZER =
            define("TOKEN_VERIFY_SERIALIZER", TokenVerifySerializer.class);
    // Second factors and passkeys: dj-rest-auth's MFA_* and PASSKEY_* serializers (PASSKEY_REMOVE_SERIALIZER is
    // restauth's own: the second factor removing a last passkey asks for).
    public static final SerializerKey<MfaVerifySerializer> MFA_VERIFY_SERIALIZER =
            define("MFA_VERIFY_SERIALIZER", MfaVerifySerializer.class);
    public static final SerializerKey<TotpActivateConfirmSerializer> MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER =
            define("MFA_TOTP_ACTIVATE_CONFIRM_SERIALIZER", TotpActivateConfirmSerializer.class);
    public static final SerializerKey<TotpDeactivateSerializer> MFA_TOTP_DEACTIVATE_SERIALIZER =
            define("MFA_TOTP_DEACTIVATE_SERIALIZER", TotpDeactivateSerializer.class);
    public static final SerializerKey<PasskeyRegisterCompleteSerializer> PASSKEY_REGISTER_COMPLETE_SERIALIZER =
            define("PASSKEY_REGISTER_COMPLETE_SERIALIZER", PasskeyRegisterCompleteSerializer.class);
    public static final SerializerKey<PasskeyLoginBeginSerializer> PASSKEY_LOGIN_BEGIN_SERIALIZER =
            define("PASSKEY_LOGIN_BEGIN_SERIALIZER", PasskeyLoginBeginSerializer.class);
    public static final SerializerKey<PasskeyLoginCompleteSerializer> PASSKEY_LOGIN_COMPLETE_SERIALIZER =
            define("PASSKEY_LOGIN_COMPLETE_SERIALIZER", PasskeyLoginCompleteSerializer.class);
    public static final SerializerKey<PasskeySerializer> PASSKEY_LIST_SERIALIZER =
            define("PASSKEY_LIST_SERIALIZER", PasskeySerializer.class);
    public static final SerializerKey<PasskeyUpdateSerializer> PASSKEY_UPDATE_SERIALIZER =
            define("PASSKEY_UPDATE_SERIALIZER", PasskeyUpdateSerializer.class);
    public static final SerializerKey<PasskeyRemoveSerializer> PASSKEY_REMOVE_SERIALIZER =
            define("PASSKEY_REMOVE_SERIALIZER", PasskeyRemoveSerializer.class);

    private final String name;
    private final Class<T> type;

    private SerializerKey(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    private static <T> SerializerKey<T> define(String name, Class<T> type) {
        SerializerKey<T> key = new SerializerKey<>(name, type);
        ALL.add(key);
        return key;
    }

    /** Every key, in declaration order. */
    public static List<SerializerKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The name in {@code serializers.properties}, e.g. {@code LOGIN_SERIALIZER}. */
    public String name() {
        return name;
    }

    /** The interface a class registered under this key must implement. */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
