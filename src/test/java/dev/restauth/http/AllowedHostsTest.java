package dev.restauth.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Django's {@code validate_host} with {@code split_domain_port}, case by case. */
class AllowedHostsTest {
    private final AllowedHosts defaults = new AllowedHosts(List.of("localhost", "127.0.0.1", "[::1]"));

    @Test
    void listedHostsMatchWithOrWithoutAPortInAnyCase() {
        assertTrue(defaults.allows("localhost"));
        assertTrue(defaults.allows("LocalHost:8000"));
        assertTrue(defaults.allows("127.0.0.1:8000"));
        assertTrue(defaults.allows("[::1]"));
        assertTrue(defaults.allows("[::1]:8000"));
        assertTrue(defaults.allows("localhost.:8000"), "a trailing dot is dropped");
    }

    @Test
    void otherHostsDoNot() {
        assertFalse(defaults.allows("evil.example"));
        assertFalse(defaults.allows("localhost.evil.example"));
        assertFalse(defaults.allows("127.0.0.2"));
        assertFalse(defaults.allows(""));
        assertFalse(defaults.allows(null));
    }

    @Test
    void aLeadingDotAllowsTheDomainAndItsSubdomains() {
        AllowedHosts hosts = new AllowedHosts(List.of(".Example.com"));
        assertTrue(hosts.allows("example.com"));
        assertTrue(hosts.allows("api.example.com:443"));
        assertTrue(hosts.allows("a.b.example.com"));
        assertFalse(hosts.allows("badexample.com"));
        assertFalse(hosts.allows("example.com.evil.test"));
    }

    @Test
    void aStarAllowsAnyWellFormedHostOnly() {
        AllowedHosts any = new AllowedHosts(List.of("*"));
        assertTrue(any.allows("anything.test:1234"));
        assertFalse(any.allows("bad host"));
        assertFalse(any.allows("user@host"));
        assertFalse(any.allows("host:port"));
        assertFalse(any.allows("host/path"));
    }
}
