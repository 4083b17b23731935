package dev.restauth.http;

import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Django's {@code ALLOWED_HOSTS} check ({@code HttpRequest.get_host}): the Host a request names is trusted to
 * build links in mails only when it matches a pattern. Without the check anyone could request a reset for a
 * victim's address with {@code Host: evil.example} and have restauth mail the victim a link to evil.example
 * carrying a valid token.
 *
 * <p>Patterns: a host name or IP address (exact, any letter case), {@code [::1]} for IPv6, {@code .example.com}
 * for example.com and all its subdomains, {@code *} for any syntactically valid host. The port is ignored, as is a
 * trailing dot. Immutable and thread-safe.
 */
public final class AllowedHosts {
    /** Django's {@code host_validation_re}: a host name or bracketed IPv6 address, then an optional port. */
    private static final Pattern VALID = Pattern.compile("([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:\\d+)?");

    private final List<String> patterns;

    /** @param patterns as in the {@code allowed_hosts} setting */
    public AllowedHosts(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a Host header value (with or without a port) may be used. */
    public boolean allows(String host) {
        String domain = domain(host);
        if (domain.isEmpty()) {
            return false;
        }
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(domain)
                    || (pattern.startsWith(".") && (domain.endsWith(pattern) || domain.equals(pattern.substring(1))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code scheme://host[:port]} of a request whose Host is allowed.
     *
     * @throws ApiException 400 {@code {"detail":"Invalid Host header."}} otherwise
     */
    public String origin(ApiRequest request) {
        String origin = request.origin();
        if (!allows(origin.substring(origin.indexOf("://") + 3))) {
            throw ApiException.badRequest(Messages.get("error.invalid_host"));
        }
        return origin;
    }

    /** Django's {@code split_domain_port}, domain only: empty for a malformed host. */
    private static String domain(String host) {
        if (host == null) {
            return "";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (!VALID.matcher(lower).matches()) {
            return "";
        }
        if (lower.endsWith("]")) {
            return lower;
        }
        int colon = lower.lastIndexOf(':');
        String domain = colon < 0 ? lower : lower.substring(0, colon);
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
