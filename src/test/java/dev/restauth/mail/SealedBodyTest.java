package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.auth.crypto.BadSignatureException;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** Outbox bodies at rest: sealed, bound to their recipient and key, and mail queued before sealing still goes out. */
class SealedBodyTest {
    private static final String BODY = "Reset it at https://app.example.com/reset/MQ/c2x3yz-0123456789abcdef/\n";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aSealedBodyHidesTheTextAndOpensForItsRecipient() throws BadSignatureException {
        SealedBody bodies = new SealedBody(key(1));
        String sealed = bodies.seal("ann@example.com", BODY);
        assertTrue(sealed.startsWith(SealedBody.PREFIX), sealed);
        assertFalse(sealed.contains("c2x3yz"), sealed);
        assertFalse(sealed.equals(bodies.seal("ann@example.com", BODY)), "a fresh nonce each time");
        assertEquals(BODY, bodies.open("ann@example.com", sealed));
    }

    @Test
    void aBodyMovedToAnotherRecipientOrReadUnderAnotherKeyDoesNotOpen() {
        String sealed = new SealedBody(key(1)).seal("ann@example.com", BODY);
        assertThrows(BadSignatureException.class, () -> new SealedBody(key(1)).open("mallory@example.com", sealed));
        assertThrows(BadSignatureException.class, () -> new SealedBody(key(2)).open("ann@example.com", sealed));
    }

    @Test
    void aBodyQueuedBeforeBodiesWereSealedIsSentAsItIs() throws BadSignatureException {
        assertEquals(BODY, new SealedBody(key(1)).open("ann@example.com", BODY));
    }
}
