package dev.restauth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import java.util.List;

class ClientAddressesTest {
    private static final ClientAddresses DIRECT = ClientAddresses.direct();
    private static final ClientAddresses ONE_PROXY = new ClientAddresses(1);
    private static final ClientAddresses TWO_PROXIES = new ClientAddresses(2);

    @Test
    void withoutTrustedProxiesTheSocketsPeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", DIRECT.of("203.0.113.7", List.of()));
        assertEquals("203.0.113.7", DIRECT.of("203.0.113.7", List.of("198.51.100.1")));
        assertEquals("203.0.113.7", DIRECT.of("203.0.113.7", List.of("198.51.100.1, 198.51.100.2")));
    }

    @Test
    void behindOneProxyTheRightmostEntryIsTheClient() {
        // The client wrote "198.51.100.66"; the proxy appended the address it saw.
        assertEquals("198.51.100.1", ONE_PROXY.of("10.0.0.2", List.of("198.51.100.66, 198.51.100.1")));
        assertEquals("198.51.100.1", ONE_PROXY.of("10.0.0.2", List.of("198.51.100.1")));
    }

    @Test
    void behindTwoProxiesTheSecondFromTheRightIsTheClient() {
        assertEquals("198.51.100.1", TWO_PROXIES.of("10.0.0.3",
                List.of("6.6.6.6, 198.51.100.1, 10.0.0.2")));
        // Several headers are one list, in order.
        assertEquals("198.51.100.1", TWO_PROXIES.of("10.0.0.3", List.of("6.6.6.6, 198.51.100.1", "10.0.0.2")));
    }

    @Test
    void withFewerEntriesThanProxiesTheLeftmostIsUsed() {
        assertEquals("198.51.100.1", TWO_PROXIES.of("10.0.0.3", List.of("198.51.100.1")));
    }

    @Test
    void withoutTheHeaderTheProxyIsTheClient() {
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of()));
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of(" , ")));
    }

    @Test
    void anEntryThatIsNoAddressFallsBackToThePeerSoGarbageNeverMakesANewClient() {
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of("unknown")));
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of("evil.example")));
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of("300.1.1.1")));
        assertEquals("10.0.0.2", ONE_PROXY.of("10.0.0.2", List.of("_hidden")));
    }

    @Test
    void portsBracketsAndLeadingZerosAreNormalisedAway() {
        assertEquals("192.0.2.1", ClientAddresses.normalise("192.0.2.1:4711"));
        assertEquals("192.0.2.1", ClientAddresses.normalise("192.000.002.001"));
        assertEquals("2001:db8:0:1:0:0:0:0/64", ClientAddresses.normalise("[2001:db8:0:1::5]:4711"));
        assertNull(ClientAddresses.normalise("[2001:db8::1"));
        assertNull(ClientAddresses.normalise("example.com"));
    }

    @Test
    void anIpv6ClientIsItsSlash64SoRotatingTheHostPartGainsNothing() {
        assertEquals("2001:db8:0:1:0:0:0:0/64", ONE_PROXY.of("10.0.0.2", List.of("2001:db8:0:1::1")));
        assertEquals("2001:db8:0:1:0:0:0:0/64", ONE_PROXY.of("10.0.0.2", List.of("2001:DB8:0:1:ffff:1:2:3")));
        assertEquals("2001:db8:0:2:0:0:0:0/64", ONE_PROXY.of("10.0.0.2", List.of("2001:db8:0:2::1")));
        assertEquals("0:0:0:0:0:0:0:0/64", DIRECT.of("0:0:0:0:0:0:0:1", List.of()));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("192.0.2.1", ClientAddresses.normalise("::ffff:192.0.2.1"));
    }
}
