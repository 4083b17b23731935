package dev.restauth.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FacebookProviderTest {
    @Test
    void theAppSecretProofIsTheHexHmacSha256OfTheTokenKeyedWithTheAppSecret() {
        // The well-known HMAC-SHA256 test value.
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                FacebookProvider.appSecretProof("key", "The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void theProfileFieldsAreAllauthsInItsOrder() {
        assertEquals("id,email,name,first_name,last_name,verified,locale,timezone,link,gender,updated_time",
                FacebookProvider.FIELDS);
    }
}
