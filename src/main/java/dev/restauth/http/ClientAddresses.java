package dev.restauth.http;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client a request comes from, as rate limits count clients. Without trusted proxies it is the socket's
 * peer, and {@code X-Forwarded-For} is ignored: anyone can write that header. Behind {@code trusted_proxies = n}
 * reverse proxies, each of which appends the address it received the request from, the last n entries of the
 * header were written by them, and the n-th from the right is the address the outermost proxy saw: the client.
 * Entries to the left of it are the client's own words and never used.
 *
 * <p>The answer is a normalised IP literal; an IPv6 client is its /64 network ({@code 2001:db8:0:1:0:0:0:0/64}),
 * since one host usually holds a whole /64 and would otherwise get a fresh limit per address. Host names are never
 * looked up. An entry that is not an IP address falls back to the socket's peer, so garbage never makes a new
 * client. Immutable and thread-safe.
 */
public final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int IPV6_NETWORK_BYTES = 8;

    private final int trustedProxies;

    /** @param trustedProxies how many reverse proxies stand in front of restauth (0: none, trust no header) */
    public ClientAddresses(int trustedProxies) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("trustedProxies must not be negative: " + trustedProxies);
        }
        this.trustedProxies = trustedProxies;
    }

    /** Clients as the socket's peers, without proxies. */
    public static ClientAddresses direct() {
        return new ClientAddresses(0);
    }

    /** The client of a request. Never null. */
    public String of(HttpServletRequest request) {
        List<String> headers = new ArrayList<>();
        Enumeration<String> values = request.getHeaders("X-Forwarded-For");
        while (values != null && values.hasMoreElements()) {
            headers.add(values.nextElement());
        }
        return of(request.getRemoteAddr(), headers);
    }

    /**
     * The client of a request from this peer with these {@code X-Forwarded-For} header values (in the order
     * received; several headers read as one list). Never null.
     */
    public String of(String peer, List<String> forwardedForHeaders) {
        String fallback = normalise(peer);
        if (fallback == null) {
            fallback = peer == null ? "unknown" : peer;
        }
        if (trustedProxies == 0) {
            return fallback;
        }
        List<String> forwarded = entries(forwardedForHeaders);
        if (forwarded.isEmpty()) {
            return fallback;
        }
        // Fewer entries than proxies means a proxy did not append (a misconfiguration); the leftmost entry is then
        // the outermost address any trusted proxy wrote.
        String chosen = normalise(forwarded.get(Math.max(0, forwarded.size() - trustedProxies)));
        return chosen != null ? chosen : fallback;
    }

    /** Every entry of every header, in order. */
    private static List<String> entries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /**
     * The IP literal in an address as proxies write it ({@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:4711}), normalised; null when it is none.
     */
    static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            text = close < 0 ? "" : text.substring(1, close);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':') && text.contains(".")) {
            text = text.substring(0, text.indexOf(':'));
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (IPV4.matcher(text).matches()) {
            return ipv4(text);
        }
        if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // Holds a colon, so Java parses it as an IPv6 literal or fails; it never asks DNS.
            InetAddress parsed = InetAddress.getByName(text);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(bytes, IPV6_NETWORK_BYTES, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Dotted decimal with each part at most 255, leading zeros dropped; null otherwise. */
    private static String ipv4(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("\\.")) {
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            out.append(out.length() == 0 ? "" : ".").append(value);
        }
        return out.toString();
    }
}
