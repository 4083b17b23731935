package dev.restauth.jwt;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RSA, EC and Ed25519 keys of PEM files as Nimbus JWKs: private keys ({@code PRIVATE KEY}, i.e. PKCS#8,
 * as {@code openssl genpkey} writes them, or the older {@code RSA PRIVATE KEY} and {@code EC PRIVATE KEY}) with their
 * public half derived, and public keys ({@code PUBLIC KEY}). The JDK reads PKCS#8 and X.509; BouncyCastle rewraps
 * the older forms and derives public EC and Ed25519 points, which the JDK cannot. Encrypted keys are refused.
 */
final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {
    }

    /**
     * The first key of a PEM file.
     *
     * @throws IllegalArgumentException saying what is wrong with the file (unreadable, no key, an unknown kind)
     */
    static JWK read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Matcher block = BLOCK.matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException(file + " holds no PEM key");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        try {
            return switch (block.group(1)) {
                case "PRIVATE KEY" -> privateKey(der);
                case "RSA PRIVATE KEY" -> privateKey(new PrivateKeyInfo(new AlgorithmIdentifier(
                        PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der)).getEncoded());
                case "EC PRIVATE KEY" -> {
                    ECPrivateKey ec = ECPrivateKey.getInstance(der);
                    yield privateKey(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                            ec.getParametersObject()), ec).getEncoded());
                }
                case "PUBLIC KEY" -> publicKey(der);
                default -> throw new IllegalArgumentException("a " + block.group(1)
                        + " is not an unencrypted private or public key");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds no usable key: " + e.getMessage());
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " holds no RSA, EC or Ed25519 key restauth can read");
        }
    }

    private static JWK privateKey(byte[] pkcs8) throws GeneralSecurityException {
        String algorithm = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm().getId();
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        switch (algorithm) {
            case "1.2.840.113549.1.1.1": { // rsaEncryption
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
                RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                return new RSAKey.Builder(pub).privateKey(key).build();
            }
            case "1.2.840.10045.2.1": { // id-ecPublicKey
                java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey)
                        KeyFactory.getInstance("EC").generatePrivate(spec);
                Curve curve = Curve.forECParameterSpec(key.getParams());
                if (curve == null) {
                    throw new IllegalArgumentException("an EC key on a curve JWS does not use");
                }
                ECNamedCurveParameterSpec named = ECNamedCurveTable.getParameterSpec(curve.getStdName());
                org.bouncycastle.math.ec.ECPoint q = named.getG().multiply(key.getS()).normalize();
                ECPublicKey pub = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                        new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                        key.getParams()));
                return new ECKey.Builder(curve, pub).privateKey(key).build();
            }
            case "1.3.101.112": { // Ed25519
                EdECPrivateKey key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(spec);
                byte[] seed = key.getBytes().orElseThrow(() -> new IllegalArgumentException("an Ed25519 key "
                        + "without its bytes"));
                byte[] x = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
                return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(seed)).build();
            }
            default:
                throw new IllegalArgumentException("a key of algorithm " + algorithm);
        }
    }

    private static JWK publicKey(byte[] spki) throws GeneralSecurityException {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
        String algorithm = info.getAlgorithm().getAlgorithm().getId();
        X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
        switch (algorithm) {
            case "1.2.840.113549.1.1.1":
                return new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec)).build();
            case "1.2.840.10045.2.1": {
                ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
                Curve curve = Curve.forECParameterSpec(key.getParams());
                if (curve == null) {
                    throw new IllegalArgumentException("an EC key on a curve JWS does not use");
                }
                return new ECKey.Builder(curve, key).build();
            }
            case "1.3.101.112":
                return new OctetKeyPair.Builder(Curve.Ed25519,
                        Base64URL.encode(info.getPublicKeyData().getBytes())).build();
            default:
                throw new IllegalArgumentException("a key of algorithm " + algorithm);
        }
    }
}
