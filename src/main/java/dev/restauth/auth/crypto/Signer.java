package dev.restauth.auth.crypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Django 3.2's {@code signing.dumps}/{@code signing.loads} ({@code TimestampSigner}, HMAC-SHA256): URL-safe, signed
 * and timestamped JSON such as e-mail verification keys, readable and writable by Django with the same
 * {@code SECRET_KEY} and salt.
 *
 * <p>Format: {@code <b64 of JSON>:<base62 unix seconds>:<b64 of HMAC-SHA256>}, where b64 is URL-safe base64
 * without padding, the JSON is Python's compact {@code json.dumps} (see {@link PythonJson}), and the HMAC is
 * Django's {@code salted_hmac(salt + "signer", value, secret)}. A payload starting with {@code '.'} is
 * zlib-compressed ({@code dumps(..., compress=True)}); {@link #loads} reads those, {@link #dumps} never makes them.
 *
 * <p>Not accepted: Django 3.2 also accepts legacy SHA-1 signatures (from before Django 3.1, or with
 * {@code DEFAULT_HASHING_ALGORITHM = 'sha1'}); this class does not.
 *
 * <p>Immutable and thread-safe. The secret key is not kept, only the HMAC key derived from it.
 */
public final class Signer {
    /** The salt of Django's {@code signing.dumps} when none is given. */
    public static final String DEFAULT_SALT = "django.core.signing";
    /** A compressed payload may not inflate past this: signed data is small, and a bomb must not cost memory. */
    static final int MAX_INFLATED_BYTES = 1 << 20;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final char SEP = ':';

    private final SaltedHmac hmac;
    private final Clock clock;

    /**
     * @param secretKey Django's {@code force_bytes(settings.SECRET_KEY)}: the UTF-8 bytes of the secret; not kept
     * @param salt      the namespace, as Django's {@code salt=} (e.g. {@code "account"} for e-mail confirmation
     *                  keys, or {@link #DEFAULT_SALT})
     * @param clock     the time source for timestamps and {@code maxAge}
     */
    public Signer(byte[] secretKey, String salt, Clock clock) {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(salt, "salt");
        this.hmac = new SaltedHmac(salt + "signer", secretKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@code signing.dumps(value, salt=salt)}: the same string Django makes at the same second.
     *
     * @param value any Gson tree; Java {@code null} is taken as JSON {@code null}
     * @throws IllegalStateException if the clock is before 1970
     */
    public String dumps(JsonElement value) {
        byte[] json = PythonJson.dumps(value).getBytes(StandardCharsets.US_ASCII);
        long now = clock.instant().getEpochSecond();
        if (now < 0) {
            throw new IllegalStateException("the clock is before 1970");
        }
        return sign(B64.encodeToString(json) + SEP + Base62.encode(now));
    }

    /**
     * {@code signing.loads(signed, salt=salt, max_age=maxAge)}: the JSON value, once the signature is genuine and,
     * if {@code maxAge} is given, no older than that. As in Django a timestamp in the future is not refused (only
     * the key holder can make one).
     *
     * @param signed what {@link #dumps} or Django made; anything else is refused, including null
     * @param maxAge the greatest age accepted, or null for any age
     * @throws SignatureExpiredException if the signature is genuine but older than {@code maxAge}
     * @throws BadSignatureException     for anything else that is not a genuine, well-formed signed value; this
     *                                   method throws nothing else, whatever the input
     */
    public JsonElement loads(String signed, Duration maxAge) throws BadSignatureException {
        String value = unsign(signed);
        int sep = value.lastIndexOf(SEP);
        if (sep < 0) {
            throw new BadSignatureException("no timestamp");
        }
        OptionalLong timestamp = Base62.decode(value.substring(sep + 1));
        if (timestamp.isEmpty()) {
            throw new BadSignatureException("bad timestamp");
        }
        if (maxAge != null) {
            Instant now = clock.instant();
            // A future timestamp is a negative age: accepted, as by Django (time.time() - timestamp > max_age).
            if (timestamp.getAsLong() < now.getEpochSecond()
                    && Duration.between(Instant.ofEpochSecond(timestamp.getAsLong()), now).compareTo(maxAge) > 0) {
                throw new SignatureExpiredException("signature older than " + maxAge.toSeconds() + " s");
            }
        }
        return decode(value.substring(0, sep));
    }

    /** Django's {@code Signer.sign}: {@code value + ":" + signature}. */
    String sign(String value) {
        return value + SEP + signature(value);
    }

    /** Django's {@code Signer.unsign}: what was signed, if the signature after the last ':' is genuine. */
    private String unsign(String signed) throws BadSignatureException {
        if (signed == null) {
            throw new BadSignatureException("no signed value");
        }
        int sep = signed.lastIndexOf(SEP);
        if (sep < 0) {
            throw new BadSignatureException("no signature");
        }
        String value = signed.substring(0, sep);
        byte[] given = signed.substring(sep + 1).getBytes(StandardCharsets.UTF_8);
        byte[] expected = signature(value).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new BadSignatureException("signature does not match");
        }
        return value;
    }

    private String signature(String value) {
        return B64.encodeToString(hmac.digest(value));
    }

    /** Django's {@code unsign_object} after the signature check: base64, maybe zlib, then JSON. */
    private static JsonElement decode(String payload) throws BadSignatureException {
        boolean compressed = payload.startsWith(".");
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(compressed ? payload.substring(1) : payload);
        } catch (IllegalArgumentException e) {
            throw new BadSignatureException("payload is not base64", e);
        }
        if (compressed) {
            data = inflate(data);
        }
        if (data.length == 0) {
            throw new BadSignatureException("empty payload");
        }
        try {
            // Django decodes the JSON bytes as Latin-1; its own dumps only ever writes ASCII.
            return JsonParser.parseString(new String(data, StandardCharsets.ISO_8859_1));
        } catch (RuntimeException e) {
            throw new BadSignatureException("payload is not JSON", e);
        }
    }

    private static byte[] inflate(byte[] data) throws BadSignatureException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new BadSignatureException("truncated compressed payload");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new BadSignatureException("compressed payload too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BadSignatureException("bad compressed payload", e);
        } finally {
            inflater.end();
        }
    }
}
