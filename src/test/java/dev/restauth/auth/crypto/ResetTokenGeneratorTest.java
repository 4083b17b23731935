package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.auth.crypto.ResetTokenGenerator.UserState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectors were produced by Django 3.2.25 (src/test/django/crypto_vectors.py) with
 * {@code SECRET_KEY = 'restauth-test-vector-secret'}, the default {@code PASSWORD_RESET_TIMEOUT} (259200 s) and
 * {@code _now()} patched to return {@code datetime(2024, 5, 6, 7, 8, 9)}, taken here as UTC.
 */
class ResetTokenGeneratorTest {
    private static final byte[] SECRET = "restauth-test-vector-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant MADE_AT = Instant.parse("2024-05-06T07:08:09Z");

    private static final String PASSWORD = "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    private static final Instant LAST_LOGIN = Instant.parse("2024-01-02T03:04:05.678901Z");
    // User(pk=7, password=PASSWORD, last_login=datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=utc),
    //      email='alice@example.com'): _make_hash_value gave HASHED_7, make_token gave TOKEN_7.
    private static final String HASHED_7 = "7" + PASSWORD + "2024-01-02 03:04:05" + "736672089" + "alice@example.com";
    private static final String TOKEN_7 = "c6lftl-1d45dfd8277574e5fdc250e73f352afb";
    // User(pk=12, password='!unusableXYZ', last_login=None, email=None).
    private static final String TOKEN_12 = "c6lftl-4fff504dcd9cfc801ee24b7063f4362e";

    private static final UserState ALICE = UserState.django(7L, PASSWORD, LAST_LOGIN, "alice@example.com");

    private static ResetTokenGenerator at(Instant now) {
        return new ResetTokenGenerator(SECRET, ResetTokenGenerator.DEFAULT_TIMEOUT, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void makesExactlyTheTokenDjangoMakesForTheSameUserAndSecond() {
        assertEquals(TOKEN_7, at(MADE_AT).make(ALICE));
        assertEquals(TOKEN_12, at(MADE_AT).make(UserState.django(12L, "!unusableXYZ", null, null)));
    }

    @Test
    void theDjangoStateHashesTheSameValueAsDjango() {
        // 736672089 s after 2001-01-01 is MADE_AT, c6lftl in base 36.
        assertEquals("c6lftl", Base36.encode(736_672_089L));
        assertEquals(HASHED_7, ALICE.beforeTimestamp() + 736_672_089L + ALICE.afterTimestamp());
        assertEquals(new UserState("12!unusableXYZ", ""), UserState.django(12L, "!unusableXYZ", null, null));
    }

    @Test
    void aPlainStateIsHashedWithTheTimestampAfterIt() {
        ResetTokenGenerator generator = at(MADE_AT);

        assertEquals(generator.make(new UserState("7" + PASSWORD, "")), generator.make("7" + PASSWORD));
        assertEquals(TOKEN_12, generator.make("12!unusableXYZ"));
        assertTrue(generator.check("12!unusableXYZ", TOKEN_12));
    }

    @Test
    void checksDjangosTokensUntilTheTimeoutInclusive() {
        // As Django: accepted 259200 s after, refused 259201 s after.
        assertTrue(at(MADE_AT).check(ALICE, TOKEN_7));
        assertTrue(at(MADE_AT.plusSeconds(259_200)).check(ALICE, TOKEN_7));
        assertFalse(at(MADE_AT.plusSeconds(259_201)).check(ALICE, TOKEN_7));
    }

    @Test
    void acceptsATokenFromTheFutureAsDjangoDoes() {
        // Django's check_token only refuses (now - ts) > timeout; a clock an hour behind still accepts.
        assertTrue(at(MADE_AT.minusSeconds(3600)).check(ALICE, TOKEN_7));
    }

    @Test
    void honoursItsOwnTimeout() {
        ResetTokenGenerator hourly = new ResetTokenGenerator(SECRET, Duration.ofHours(1),
                Clock.fixed(MADE_AT.plusSeconds(3600), ZoneOffset.UTC));
        ResetTokenGenerator later = new ResetTokenGenerator(SECRET, Duration.ofHours(1),
                Clock.fixed(MADE_AT.plusSeconds(3601), ZoneOffset.UTC));

        assertTrue(hourly.check(ALICE, TOKEN_7));
        assertFalse(later.check(ALICE, TOKEN_7));
    }

    @Test
    void aTokenDiesWhenThePasswordTheLastLoginOrTheEmailChanges() {
        ResetTokenGenerator generator = at(MADE_AT);

        assertFalse(generator.check(UserState.django(7L, PASSWORD + "x", LAST_LOGIN, "alice@example.com"), TOKEN_7));
        assertFalse(generator.check(
                UserState.django(7L, PASSWORD, LAST_LOGIN.plusSeconds(1), "alice@example.com"), TOKEN_7));
        assertFalse(generator.check(UserState.django(7L, PASSWORD, null, "alice@example.com"), TOKEN_7));
        assertFalse(generator.check(UserState.django(7L, PASSWORD, LAST_LOGIN, "bob@example.com"), TOKEN_7));
        assertFalse(generator.check(UserState.django(8L, PASSWORD, LAST_LOGIN, "alice@example.com"), TOKEN_7));
    }

    @Test
    void theLastLoginCountsToTheSecondOnly() {
        // Django drops the microseconds so that databases without them give the same token.
        UserState sameSecond = UserState.django(7L, PASSWORD, Instant.parse("2024-01-02T03:04:05Z"), "alice@example.com");

        assertTrue(at(MADE_AT).check(sameSecond, TOKEN_7));
    }

    @Test
    void refusesTokensMadeWithAnotherSecret() {
        ResetTokenGenerator other = new ResetTokenGenerator("other".getBytes(StandardCharsets.UTF_8),
                ResetTokenGenerator.DEFAULT_TIMEOUT, Clock.fixed(MADE_AT, ZoneOffset.UTC));

        assertFalse(other.check(ALICE, TOKEN_7));
        assertNotEquals(TOKEN_7, other.make(ALICE));
    }

    @Test
    void refusesEveryOneCharacterChangeOfAToken() {
        ResetTokenGenerator generator = at(MADE_AT);
        for (int i = 0; i < TOKEN_7.length(); i++) {
            for (char replacement : "09afz-A".toCharArray()) {
                if (TOKEN_7.charAt(i) != replacement) {
                    String tampered = TOKEN_7.substring(0, i) + replacement + TOKEN_7.substring(i + 1);
                    assertFalse(generator.check(ALICE, tampered), tampered);
                }
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "-", "c6lftl", "c6lftl-", "-1d45dfd8277574e5fdc250e73f352afb",
        "c6lftl-1d45dfd8277574e5fdc250e73f352af", "c6lftl-1d45dfd8277574e5fdc250e73f352afbb",
        "c6lftl-1d45dfd8277574e5fdc250e73f352afb-", "c6lftl--1d45dfd8277574e5fdc250e73f352afb",
        "C6LFTL-1d45dfd8277574e5fdc250e73f352afb", "c6lftl-1D45DFD8277574E5FDC250E73F352AFB",
        "0c6lftl-1d45dfd8277574e5fdc250e73f352afb", "+c6lftl-1d45dfd8277574e5fdc250e73f352afb",
        " c6lftl-1d45dfd8277574e5fdc250e73f352afb", "c6lftl-1d45dfd8277574e5fdc250e73f352afb ",
        "c6_lftl-1d45dfd8277574e5fdc250e73f352afb", "zzzzzzzzzzzzz-1d45dfd8277574e5fdc250e73f352afb",
        "zzzzzzzzzzzzzz-1d45dfd8277574e5fdc250e73f352afb", "c6lftl-1d45dfd8277574e5fdc250e73f352afé",
        "\ud800-\udc00", "c6lftl\u2010" + "1d45dfd8277574e5fdc250e73f352afb",
    })
    void checkIsFalseForMalformedTokens(String token) {
        assertFalse(at(MADE_AT).check(ALICE, token));
    }

    @Test
    void checkIsFalseWithoutThrowingForRandomAndHugeTokens() {
        ResetTokenGenerator generator = at(MADE_AT);
        Random random = new Random(736672089);
        String alphabet = "0123456789abcdefz-_A \u00e9";
        for (int n = 0; n < 5000; n++) {
            StringBuilder token = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertFalse(generator.check(ALICE, token.toString()), token.toString());
        }
        assertFalse(generator.check(ALICE, "c6lftl-" + "a".repeat(1 << 20)));
        assertFalse(generator.check(ALICE, "-".repeat(1 << 20)));
    }

    @Test
    void refusesToMakeATokenBefore2001() {
        ResetTokenGenerator generator = at(Instant.parse("2000-12-31T23:59:59Z"));

        assertThrows(IllegalStateException.class, () -> generator.make(ALICE));
    }

    @Test
    void refusesANegativeTimeout() {
        assertThrows(IllegalArgumentException.class,
                () -> new ResetTokenGenerator(SECRET, Duration.ofSeconds(-1), Clock.systemUTC()));
    }

    @Test
    void aUserStateHasNoNullParts() {
        assertThrows(NullPointerException.class, () -> new UserState(null, ""));
        assertThrows(NullPointerException.class, () -> new UserState("", null));
    }
}
