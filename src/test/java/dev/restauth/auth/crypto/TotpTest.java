package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** RFC 6238's test vectors (Appendix B), for each HMAC, in 8 digits and (for SHA-1) 6; and the drift window. */
class TotpTest {
    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s")
    @CsvSource({
        "59, 0000000000000001, 94287082, 46119246, 90693936, 287082",
        "1111111109, 00000000023523EC, 07081804, 68084774, 25091201, 081804",
        "1111111111, 00000000023523ED, 14050471, 67062674, 99943326, 050471",
        "1234567890, 000000000273EF07, 89005924, 91819424, 93441116, 005924",
        "2000000000, 0000000003F940AA, 69279037, 90698825, 38618901, 279037",
        "20000000000, 0000000027BC86AA, 65353130, 77737706, 47863826, 353130"})
    void theRfcVectorsComeOut(long seconds, String stepHex, String sha1, String sha256, String sha512, String six) {
        Instant when = Instant.ofEpochSecond(seconds);
        Totp totp = new Totp(Totp.Algorithm.SHA1, 8, 30);
        long step = totp.step(when);
        assertEquals(Long.parseLong(stepHex, 16), step);
        assertEquals(sha1, totp.code(SHA1_KEY, step));
        assertEquals(sha256, new Totp(Totp.Algorithm.SHA256, 8, 30).code(SHA256_KEY, step));
        assertEquals(sha512, new Totp(Totp.Algorithm.SHA512, 8, 30).code(SHA512_KEY, step));
        assertEquals(six, new Totp(Totp.Algorithm.SHA1, 6, 30).code(SHA1_KEY, step));
    }

    @Test
    void aCodeMatchesOneStepEitherSideAndOnlyAfterTheLastStepUsed() {
        Totp totp = new Totp(Totp.Algorithm.SHA1, 6, 30);
        // 287082 is the code of step 1 (59 s): accepted at steps 0, 1 and 2, not at 3
        assertEquals(1, totp.match(SHA1_KEY, "287082", totp.step(Instant.ofEpochSecond(0)), -1));
        assertEquals(1, totp.match(SHA1_KEY, "287082", totp.step(Instant.ofEpochSecond(89)), -1));
        assertEquals(-1, totp.match(SHA1_KEY, "287082", totp.step(Instant.ofEpochSecond(90)), -1));
        assertEquals(-1, totp.match(SHA1_KEY, "287082", 1, 1), "a step already used is not accepted again");
        assertEquals(-1, totp.match(SHA1_KEY, "287083", 1, -1));
    }

    @Test
    void base32RoundTripsTheRfcKey() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SHA1_KEY));
        assertArrayEquals(SHA1_KEY, Base32.decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("GEZ1"));
    }

    @Test
    void aSealedValueOpensOnlyUnderItsKeyAndAssociatedData() throws Exception {
        byte[] key = new byte[32];
        String sealed = AesGcm.seal(key, SHA1_KEY, "restauth_totp:1");
        assertArrayEquals(SHA1_KEY, AesGcm.open(key, sealed, "restauth_totp:1"));
        assertThrows(BadSignatureException.class, () -> AesGcm.open(key, sealed, "restauth_totp:2"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(BadSignatureException.class, () -> AesGcm.open(other, sealed, "restauth_totp:1"));
        assertThrows(BadSignatureException.class, () -> AesGcm.open(key, "short", "restauth_totp:1"));
    }
}
