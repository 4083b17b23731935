package dev.restauth.jwt;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.restauth.config.Settings;
import dev.restauth.text.Messages;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs and checks tokens with Nimbus JOSE+JWT, as simplejwt 5.2 (over PyJWT) does, to the same wire:
 * <ul>
 * <li>signing writes simplejwt's payload, {@code {"token_type","exp","iat","jti","user_id"}} in that order, then
 * {@code aud} and {@code iss} when configured, under the header of the {@link KeySet};</li>
 * <li>checking refuses, with simplejwt's messages: anything that does not parse as a JWS, an {@code alg} other than
 * the configured one ({@code none}, or an HS256 token keyed with an RSA public key, is simply another algorithm), an
 * unknown {@code kid}, a bad signature, an {@code exp} passed or an {@code nbf} not reached (give or take
 * {@code jwt_leeway}), a wrong or missing {@code aud} or {@code iss} when configured: "Token is invalid or expired";
 * then a missing {@code exp}, {@code jti} or {@code token_type}, and a type other than the one asked for, each with
 * its own message.</li>
 * </ul>
 * No database: revocation and the blacklist are the callers' business. Thread-safe.
 */
public final class JwtCodec {
    private final KeySet keys;
    private final Clock clock;
    private final long leewaySeconds;
    private final String audience;
    private final String issuer;

    public JwtCodec(KeySet keys, Clock clock, Settings settings) {
        this.keys = keys;
        this.clock = clock;
        this.leewaySeconds = settings.get(Settings.JWT_LEEWAY);
        this.audience = settings.get(Settings.JWT_AUDIENCE);
        this.issuer = settings.get(Settings.JWT_ISSUER);
    }

    /** The signed, compact token for these claims. */
    public String sign(Claims claims) {
        JsonObject payload = new JsonObject();
        payload.addProperty("token_type", claims.tokenType());
        payload.addProperty("exp", claims.expires());
        payload.addProperty("iat", claims.issuedAt());
        payload.addProperty("jti", claims.jti());
        payload.addProperty("user_id", claims.userId());
        if (audience != null) {
            payload.addProperty("aud", audience);
        }
        if (issuer != null) {
            payload.addProperty("iss", issuer);
        }
        JWSObject jws = new JWSObject(keys.header(), new Payload(payload.toString()));
        try {
            jws.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return jws.serialize();
    }

    /**
     * The claims of a token that passes every check.
     *
     * @param expected the type the token must have; null for any (simplejwt's {@code UntypedToken})
     * @throws TokenError with simplejwt's message for the first check it fails
     */
    public Claims decode(String token, TokenType expected) {
        JWTClaimsSet claims = verified(token);
        if (claims.getExpirationTime() == null) {
            throw error("jwt.no_exp");
        }
        if (claims.getJWTID() == null) {
            throw error("jwt.no_id");
        }
        Object type = claims.getClaim("token_type");
        if (type == null) {
            throw error("jwt.no_type");
        }
        if (expected != null && !expected.claim().equals(type)) {
            throw error("jwt.wrong_type");
        }
        Date issuedAt = claims.getIssueTime();
        return new Claims(String.valueOf(type), claims.getExpirationTime().getTime() / 1000,
                issuedAt == null ? null : issuedAt.getTime() / 1000, claims.getJWTID(),
                userId(claims.getClaim("user_id")));
    }

    /** The claims of a token whose form, algorithm, key, signature and registered claims are right. */
    private JWTClaimsSet verified(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            JWSVerifier verifier = keys.verifier(header.getKeyID());
            if (!header.getAlgorithm().equals(KeySet.jws(keys.algorithm())) || verifier == null
                    || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            checkTimes(claims);
            checkAudienceAndIssuer(claims);
            return claims;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid();
        }
    }

    /** PyJWT's rules: expired when now ≥ exp + leeway; not yet valid when nbf > now + leeway. */
    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp != null && !now.isBefore(exp.toInstant().plusSeconds(leewaySeconds))) {
            throw invalid();
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plusSeconds(leewaySeconds))) {
            throw invalid();
        }
    }

    private void checkAudienceAndIssuer(JWTClaimsSet claims) {
        if (audience != null) {
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(audience)) {
                throw invalid();
            }
        }
        if (issuer != null && !issuer.equals(claims.getIssuer())) {
            throw invalid();
        }
    }

    /** {@code user_id} as a pk: a whole JSON number, or digits in a string (what Django's ORM would accept). */
    private static Long userId(Object claim) {
        if (claim instanceof Number number) {
            double value = number.doubleValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? number.longValue() : null;
        }
        if (claim instanceof String text && text.matches("[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        return null;
    }

    private static TokenError invalid() {
        return error("jwt.invalid");
    }

    private static TokenError error(String key) {
        return new TokenError(Messages.get(key));
    }
}
