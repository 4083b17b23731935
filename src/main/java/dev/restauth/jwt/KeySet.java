package dev.restauth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import dev.restauth.config.JwtAlgorithm;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of JWT mode, loaded and checked once at start: the one that signs, the ones that verify, and the public
 * JWK Set resource servers check tokens with offline.
 *
 * <p>HMAC algorithms sign and verify with one shared secret ({@code jwt_signing_key}, else the secret key, as
 * simplejwt signs with Django's {@code SECRET_KEY}), and their tokens carry no {@code kid}, as simplejwt's. The
 * asymmetric ones sign with {@code jwt_signing_key_file}; that key and those of {@code jwt_verifying_key_files} all
 * verify, each known by its {@code kid}, the RFC 7638 thumbprint of its public half, so every node derives the same
 * ids from the same files. A token names its key by {@code kid}: an unknown one is refused, and one without a
 * {@code kid} is checked against the signing key only. Immutable and thread-safe.
 */
public final class KeySet {
    private final JwtAlgorithm algorithm;
    private final JWSHeader header;
    private final JWSSigner signer;
    private final JWSVerifier signingKeyVerifier;
    private final Map<String, JWSVerifier> verifiersByKid;
    private final JWKSet publicKeys;

    private KeySet(JwtAlgorithm algorithm, String kid, JWSSigner signer, JWSVerifier signingKeyVerifier,
                   Map<String, JWSVerifier> verifiersByKid, JWKSet publicKeys) {
        this.algorithm = algorithm;
        this.header = header(algorithm, kid);
        this.signer = signer;
        this.signingKeyVerifier = signingKeyVerifier;
        this.verifiersByKid = Collections.unmodifiableMap(verifiersByKid);
        this.publicKeys = publicKeys;
    }

    /**
     * The keys the settings name.
     *
     * @param secretKey the server's secret key, the HMAC key when {@code jwt_signing_key} is not set
     * @throws SettingsException naming the setting whose key is missing, unreadable, too short or of the wrong kind
     */
    public static KeySet load(Settings settings, byte[] secretKey) {
        JwtAlgorithm algorithm = settings.get(Settings.JWT_ALGORITHM);
        try {
            return algorithm.symmetric() ? hmac(algorithm, settings, secretKey) : asymmetric(algorithm, settings);
        } catch (JOSEException e) {
            throw new SettingsException("setting 'jwt_algorithm': " + algorithm.jwsName() + " cannot be used with "
                    + "the configured key: " + e.getMessage());
        }
    }

    private static KeySet hmac(JwtAlgorithm algorithm, Settings settings, byte[] secretKey) throws JOSEException {
        String explicit = settings.get(Settings.JWT_SIGNING_KEY);
        byte[] key = explicit != null ? explicit.getBytes(StandardCharsets.UTF_8) : secretKey;
        if (key.length < algorithm.minimumKeyBytes()) {
            throw new SettingsException("setting 'jwt_signing_key' is needed: " + algorithm.jwsName() + " takes a "
                    + "key of at least " + algorithm.minimumKeyBytes() + " bytes, and the secret key has "
                    + key.length);
        }
        MACVerifier verifier = new MACVerifier(key);
        return new KeySet(algorithm, null, new MACSigner(key), verifier, Map.of(), new JWKSet());
    }

    private static KeySet asymmetric(JwtAlgorithm algorithm, Settings settings) throws JOSEException {
        JWK signing = keyOf("jwt_signing_key_file", settings.get(Settings.JWT_SIGNING_KEY_FILE), algorithm);
        if (!signing.isPrivate()) {
            throw new SettingsException("setting 'jwt_signing_key_file': " + settings.get(
                    Settings.JWT_SIGNING_KEY_FILE) + " holds a public key; signing takes the private one");
        }
        List<JWK> keys = new ArrayList<>();
        keys.add(signing);
        for (Path file : settings.get(Settings.JWT_VERIFYING_KEY_FILES)) {
            keys.add(keyOf("jwt_verifying_key_files", file, algorithm));
        }
        Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
        List<JWK> published = new ArrayList<>();
        String signingKid = null;
        for (JWK key : keys) {
            String kid = key.computeThumbprint().toString();
            if (signingKid == null) {
                signingKid = kid;
            }
            if (verifiers.putIfAbsent(kid, verifier(key)) == null) {
                published.add(publicJwk(key, kid, algorithm));
            }
        }
        return new KeySet(algorithm, signingKid, signer(signing), verifiers.get(signingKid), verifiers,
                new JWKSet(published));
    }

    /** A key file's key, checked against the algorithm. */
    private static JWK keyOf(String setting, Path file, JwtAlgorithm algorithm) {
        JWK key;
        try {
            key = PemKeys.read(file);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting '" + setting + "': " + e.getMessage());
        }
        String problem = mismatch(key, algorithm);
        if (problem != null) {
            throw new SettingsException("setting '" + setting + "': " + file + " holds " + problem + "; "
                    + algorithm.jwsName() + " needs " + needs(algorithm));
        }
        return key;
    }

    /** What is wrong with a key for an algorithm, or null when it fits. */
    private static String mismatch(JWK key, JwtAlgorithm algorithm) {
        switch (algorithm.family()) {
            case RSA:
                if (!(key instanceof RSAKey)) {
                    return "a " + key.getKeyType() + " key";
                }
                int bits = ((RSAKey) key).size();
                return bits < 2048 ? "an RSA key of " + bits + " bits" : null;
            case EC:
                if (!(key instanceof ECKey)) {
                    return "a " + key.getKeyType() + " key";
                }
                Curve curve = ((ECKey) key).getCurve();
                return Curve.forJWSAlgorithm(jws(algorithm)).contains(curve) ? null : "an EC key on " + curve;
            case EDDSA:
                return key instanceof OctetKeyPair && ((OctetKeyPair) key).getCurve().equals(Curve.Ed25519) ? null
                        : "a " + key.getKeyType() + " key";
            default:
                return "a key";
        }
    }

    private static String needs(JwtAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256, RS384, RS512 -> "an RSA key of at least 2048 bits";
            case ES256 -> "an EC key on P-256";
            case ES384 -> "an EC key on P-384";
            case ES512 -> "an EC key on P-521";
            default -> "an Ed25519 key";
        };
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        if (key instanceof RSAKey) {
            return new RSASSASigner((RSAKey) key);
        }
        if (key instanceof ECKey) {
            return new ECDSASigner((ECKey) key);
        }
        return new Ed25519Signer((OctetKeyPair) key);
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey) {
            return new RSASSAVerifier(((RSAKey) key).toRSAPublicKey());
        }
        if (key instanceof ECKey) {
            return new ECDSAVerifier(((ECKey) key).toECPublicKey());
        }
        return new Ed25519Verifier(((OctetKeyPair) key).toPublicJWK());
    }

    private static JWK publicJwk(JWK key, String kid, JwtAlgorithm algorithm) {
        JWK pub = key.toPublicJWK();
        if (pub instanceof RSAKey) {
            return new RSAKey.Builder((RSAKey) pub).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws(algorithm))
                    .build();
        }
        if (pub instanceof ECKey) {
            return new ECKey.Builder((ECKey) pub).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws(algorithm))
                    .build();
        }
        return new OctetKeyPair.Builder((OctetKeyPair) pub).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(jws(algorithm)).build();
    }

    /**
     * The header every token is signed with, as PyJWT writes it: keys sorted, no spaces, so an HS256 token's header
     * is byte for byte simplejwt's {@code {"alg":"HS256","typ":"JWT"}}.
     */
    private static JWSHeader header(JwtAlgorithm algorithm, String kid) {
        String json = "{\"alg\":\"" + algorithm.jwsName() + "\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"")
                + ",\"typ\":\"JWT\"}";
        try {
            return JWSHeader.parse(Base64URL.encode(json));
        } catch (ParseException e) {
            throw new IllegalStateException("restauth's own JWS header does not parse", e);
        }
    }

    static JWSAlgorithm jws(JwtAlgorithm algorithm) {
        return JWSAlgorithm.parse(algorithm.jwsName());
    }

    JwtAlgorithm algorithm() {
        return algorithm;
    }

    JWSHeader header() {
        return header;
    }

    JWSSigner signer() {
        return signer;
    }

    /** The verifier of the key a token's {@code kid} names (the signing key's when it names none), or null. */
    JWSVerifier verifier(String kid) {
        return kid == null ? signingKeyVerifier : verifiersByKid.get(kid);
    }

    /** Whether resource servers can check tokens offline: true for the asymmetric algorithms. */
    public boolean publishesKeys() {
        return !publicKeys.getKeys().isEmpty();
    }

    /** The public keys as a JWK Set document, {@code {"keys":[...]}}; no private part ever appears in it. */
    public String publicJwkSet() {
        return publicKeys.toString(true);
    }
}
