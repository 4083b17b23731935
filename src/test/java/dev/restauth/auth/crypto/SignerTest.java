package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectors were produced by Django 3.2.25 (src/test/django/crypto_vectors.py) with
 * {@code SECRET_KEY = 'restauth-test-vector-secret'} and {@code time.time()} patched to return 1700000000.
 */
class SignerTest {
    private static final byte[] SECRET = "restauth-test-vector-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);

    // signing.dumps(1, salt='account'): an allauth e-mail confirmation key.
    private static final String ONE = "MQ:1r31eq:xI8eplwS-uoGaeoqzuRpj4WGfJPm4MTuT3PJH8n5nek";
    // signing.dumps('hello'): the default salt.
    private static final String HELLO = "ImhlbGxvIg:1r31eq:-b8NAGYURN-CM3mfQBYhUyolwYoHdZbOZASsILRBNPw";
    // signing.dumps({'id': 42, 'email': 'zürich@example.com', 'ok': True, 'none': None,
    //                'html': '<a href="x">&\'</a>'}, salt='restauth')
    private static final String OBJECT = "eyJpZCI6NDIsImVtYWlsIjoielx1MDBmY3JpY2hAZXhhbXBsZS5jb20iLCJvayI6dHJ1ZSwibm9uZSI6bnVs"
            + "bCwiaHRtbCI6IjxhIGhyZWY9XCJ4XCI-Jic8L2E-In0:1r31eq:VHzGAZmSgvbcLqXrJ2mAg7oJwNaC5jXba3hZGsFlKyM";
    // signing.dumps([0.1, 1e20, 1e-05, 100.0, 1e16, 123456789012345.6, -0.0, 2 ** 70, -5], salt='restauth')
    private static final String NUMBERS = "WzAuMSwxZSsyMCwxZS0wNSwxMDAuMCwxZSsxNiwxMjM0NTY3ODkwMTIzNDUuNiwtMC4wLDExODA1OTE2MjA3"
            + "MTc0MTEzMDM0MjQsLTVd:1r31eq:Ir6Aw-mR8elZ_mdBYihwE_eGEu-uEHPi4b-SpuPkp6E";
    // signing.dumps('tab\there "q" back\\slash \x00\x1f\x7f é 😀 \u2028', salt='restauth')
    private static final String ESCAPES = "InRhYlx0aGVyZSBcInFcIiBiYWNrXFxzbGFzaCBcdTAwMDBcdTAwMWZcdTAwN2YgXHUwMGU5IFx1ZDgzZFx1"
            + "ZGUwMCBcdTIwMjgi:1r31eq:UVSiNbyjvcoTXJOOxM-MVYEyzoqV11o0ClPjyQ5lwFs";
    // signing.dumps(list(range(1, 20)), salt='account', compress=True)
    private static final String COMPRESSED =
            ".eJwFwcERACAIwLCF-rCiILN47r-GyZVJsNgkxaFxoDgxcOHGxMKD_T7vhAml:1r31eq:pZK419HKSE0MijAz1tz5dVkEbrVSMnRLOsUu-7XXZe8";

    private static final String ESCAPED_TEXT = "tab\there \"q\" back\\slash \u0000\u001f\u007f \u00e9 \ud83d\ude00 \u2028";

    private static Signer signer(String salt, Instant now) {
        return new Signer(SECRET, salt, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JsonObject object() {
        JsonObject object = new JsonObject();
        object.addProperty("id", 42);
        object.addProperty("email", "zürich@example.com");
        object.addProperty("ok", true);
        object.add("none", JsonNull.INSTANCE);
        object.addProperty("html", "<a href=\"x\">&'</a>");
        return object;
    }

    private static JsonArray numbers() {
        JsonArray numbers = new JsonArray();
        numbers.add(0.1);
        numbers.add(1e20);
        numbers.add(1e-05);
        numbers.add(100.0);
        numbers.add(1e16);
        numbers.add(123456789012345.6);
        numbers.add(-0.0);
        numbers.add(BigInteger.TWO.pow(70));
        numbers.add(-5);
        return numbers;
    }

    @Test
    void dumpsMakesExactlyWhatDjangoMakesAtTheSameSecond() {
        assertEquals(ONE, signer("account", SIGNED_AT).dumps(new JsonPrimitive(1)));
        assertEquals(HELLO, signer(Signer.DEFAULT_SALT, SIGNED_AT).dumps(new JsonPrimitive("hello")));
        assertEquals(OBJECT, signer("restauth", SIGNED_AT).dumps(object()));
        assertEquals(NUMBERS, signer("restauth", SIGNED_AT).dumps(numbers()));
        assertEquals(ESCAPES, signer("restauth", SIGNED_AT).dumps(new JsonPrimitive(ESCAPED_TEXT)));
    }

    @Test
    void loadsReadsWhatDjangoMade() throws Exception {
        assertEquals(new JsonPrimitive(1), signer("account", SIGNED_AT).loads(ONE, null));
        assertEquals(new JsonPrimitive("hello"), signer(Signer.DEFAULT_SALT, SIGNED_AT).loads(HELLO, null));
        assertEquals(object(), signer("restauth", SIGNED_AT).loads(OBJECT, null));
        assertEquals(numbers(), signer("restauth", SIGNED_AT).loads(NUMBERS, null));
        assertEquals(new JsonPrimitive(ESCAPED_TEXT), signer("restauth", SIGNED_AT).loads(ESCAPES, null));
    }

    @Test
    void loadsReadsDjangosCompressedValues() throws Exception {
        JsonArray expected = new JsonArray();
        for (int i = 1; i < 20; i++) {
            expected.add(i);
        }

        assertEquals(expected, signer("account", SIGNED_AT).loads(COMPRESSED, Duration.ofDays(3)));
    }

    @Test
    void whatLoadsReadsDumpsWritesBackUnchanged() throws Exception {
        for (String[] saltAndValue : new String[][] {
            {"account", ONE}, {Signer.DEFAULT_SALT, HELLO}, {"restauth", OBJECT}, {"restauth", NUMBERS},
            {"restauth", ESCAPES},
        }) {
            Signer signer = signer(saltAndValue[0], SIGNED_AT);
            assertEquals(saltAndValue[1], signer.dumps(signer.loads(saltAndValue[1], null)));
        }
    }

    @Test
    void aJavaNullIsDumpedAsJsonNull() throws Exception {
        Signer signer = signer("account", SIGNED_AT);

        String signed = signer.dumps(null);

        assertEquals("bnVsbA", signed.substring(0, signed.indexOf(':')));
        assertEquals(JsonNull.INSTANCE, signer.loads(signed, null));
    }

    @Test
    void acceptsAValueAtExactlyItsMaximumAgeAndRefusesItASecondLater() throws Exception {
        // As Django: made at t, loads(max_age=60) passes at t+60 and raises SignatureExpired at t+61.
        assertEquals(new JsonPrimitive(1), signer("account", SIGNED_AT.plusSeconds(60)).loads(ONE, Duration.ofSeconds(60)));
        assertThrows(SignatureExpiredException.class,
                () -> signer("account", SIGNED_AT.plusSeconds(61)).loads(ONE, Duration.ofSeconds(60)));
        // Django compares time.time(), a float: half a second over is over.
        assertThrows(SignatureExpiredException.class,
                () -> signer("account", SIGNED_AT.plusMillis(60_500)).loads(ONE, Duration.ofSeconds(60)));
    }

    @Test
    void withoutAMaximumAgeAnyAgeIsAccepted() throws Exception {
        assertEquals(new JsonPrimitive(1), signer("account", SIGNED_AT.plus(Duration.ofDays(3650))).loads(ONE, null));
    }

    @Test
    void aTimestampInTheFutureIsAcceptedAsDjangoDoes() throws Exception {
        assertEquals(new JsonPrimitive(1), signer("account", SIGNED_AT.minusSeconds(3600)).loads(ONE, Duration.ofSeconds(60)));
    }

    @Test
    void anExpiredSignatureIsABadSignature() {
        assertThrows(BadSignatureException.class,
                () -> signer("account", SIGNED_AT.plusSeconds(61)).loads(ONE, Duration.ofSeconds(60)));
    }

    @Test
    void refusesAnotherSaltOrKey() {
        assertThrows(BadSignatureException.class, () -> signer("other", SIGNED_AT).loads(ONE, null));
        Signer otherKey = new Signer("another-secret".getBytes(StandardCharsets.UTF_8), "account",
                Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        assertThrows(BadSignatureException.class, () -> otherKey.loads(ONE, null));
    }

    @Test
    void refusesEveryOneCharacterChangeOfASignedValue() {
        Signer signer = signer("restauth", SIGNED_AT);
        String alphabet = "AZaz09-_:.";
        for (int i = 0; i < OBJECT.length(); i++) {
            for (char replacement : alphabet.toCharArray()) {
                if (OBJECT.charAt(i) == replacement) {
                    continue;
                }
                String tampered = OBJECT.substring(0, i) + replacement + OBJECT.substring(i + 1);
                assertThrows(BadSignatureException.class, () -> signer.loads(tampered, null), tampered);
            }
        }
        assertThrows(BadSignatureException.class, () -> signer.loads(OBJECT + "A", null));
        assertThrows(BadSignatureException.class, () -> signer.loads(OBJECT.substring(1), null));
        assertThrows(BadSignatureException.class, () -> signer.loads(OBJECT.substring(0, OBJECT.length() - 1), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "::", ":::", "MQ", "MQ:", "MQ::", "MQ:1r31eq", "MQ:1r31eq:", "a:b:c", "\u0000",
        "\ud800:\udc00", "MQ:1r31eq:xI8eplwS-uoGaeoqzuRpj4WGfJPm4MTuT3PJH8n5nek=", ".:.:.", "é:é:é"})
    void loadsRefusesHostileStringsWithBadSignatureOnly(String hostile) {
        assertThrows(BadSignatureException.class, () -> signer("account", SIGNED_AT).loads(hostile, Duration.ofDays(1)));
    }

    @Test
    void loadsRefusesNull() {
        assertThrows(BadSignatureException.class, () -> signer("account", SIGNED_AT).loads(null, null));
    }

    @Test
    void loadsRefusesRandomAndHugeStringsWithBadSignatureOnly() {
        Signer signer = signer("account", SIGNED_AT);
        Random random = new Random(20240506);
        String alphabet = "ABCxyz019-_:.=+/ \u00e9\ud83d\ude00\u0000";
        List<String> inputs = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(text.toString());
        }
        inputs.add("A".repeat(4 << 20));
        inputs.add(":".repeat(1 << 20));
        inputs.add("MQ:1r31eq:" + "x".repeat(1 << 20));
        for (String input : inputs) {
            assertThrows(BadSignatureException.class, () -> signer.loads(input, Duration.ofDays(1)));
        }
    }

    /** Correctly signed, so that every step after the signature check meets bad input. */
    @Test
    void loadsRefusesGenuinelySignedGarbageWithBadSignatureOnly() {
        Signer signer = signer("account", SIGNED_AT);
        String[] values = {
            "MQ",                                       // no timestamp
            "MQ:",                                      // empty timestamp
            "MQ:-1",                                    // signed timestamp
            "MQ:zzzzzzzzzzzz",                          // timestamp beyond a long
            "MQ:1r3!eq",                                // not base62
            ":1r31eq",                                  // empty payload
            "!!!:1r31eq",                               // not base64
            "M:1r31eq",                                 // base64 of impossible length
            b64("not json") + ":1r31eq",
            b64("[1,2") + ":1r31eq",
            b64("1 2") + ":1r31eq",
            b64("[".repeat(100_000)) + ":1r31eq",       // nesting deeper than any parser should follow
            b64("\"\\ud800") + ":1r31eq",
            ".:1r31eq",                                 // compressed, empty
            ".!!:1r31eq",                               // compressed, not base64
            "." + b64("not zlib") + ":1r31eq",
            "." + b64(truncated(deflate(new byte[100]))) + ":1r31eq",
            "." + b64(deflate(new byte[10 << 20])) + ":1r31eq", // a zip bomb: 10 MiB of zeros
            "." + b64(deflate("not json".getBytes(StandardCharsets.US_ASCII))) + ":1r31eq",
        };
        for (String value : values) {
            String signed = signer.sign(value);
            assertThrows(BadSignatureException.class, () -> signer.loads(signed, Duration.ofDays(1)), value);
        }
    }

    @Test
    void aGenuinelySignedTimestampOfZeroHasExpired() {
        Signer signer = signer("account", SIGNED_AT);

        assertThrows(SignatureExpiredException.class, () -> signer.loads(signer.sign("MQ:0"), Duration.ofDays(1)));
    }

    @Test
    void theBiggestTimestampIsInTheFutureAndSoNotExpired() throws Exception {
        Signer signer = signer("account", SIGNED_AT);

        assertEquals(new JsonPrimitive(1), signer.loads(signer.sign("MQ:" + Base62.encode(Long.MAX_VALUE)),
                Duration.ofDays(1)));
    }

    @Test
    void dumpsRefusesAClockBefore1970() {
        Signer signer = signer("account", Instant.ofEpochSecond(-1));

        assertThrows(IllegalStateException.class, () -> signer.dumps(new JsonPrimitive(1)));
    }

    @Test
    void readsItsOwnCompressedFormatUpToTheInflateLimit() throws Exception {
        Signer signer = signer("account", SIGNED_AT);
        String json = "[" + "0,".repeat(100_000) + "0]";

        JsonElement read = signer.loads(signer.sign("." + b64(deflate(json.getBytes(StandardCharsets.US_ASCII)))
                + ":1r31eq"), null);

        assertEquals(JsonParser.parseString(json), read);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] truncated(byte[] data) {
        byte[] shorter = new byte[data.length / 2];
        System.arraycopy(data, 0, shorter, 0, shorter.length);
        return shorter;
    }
}
