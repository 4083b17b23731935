package dev.restauth.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Authorization} header split into words on runs of whitespace, like Python's {@code bytes.split()}, as
 * DRF reads it: {@code Token <key>} is two words, a third word is an error the scheme reports.
 */
final class AuthorizationHeader {
    private static final String[] NONE = new String[0];

    private AuthorizationHeader() {
    }

    /**
     * The words of the request's {@code Authorization} header; none when it has no such header. A plain scan rather
     * than a regular expression: every request with a token reads it twice (for {@code Vary} and to authenticate).
     */
    static String[] words(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return NONE;
        }
        String stripped = header.strip();
        List<String> words = new ArrayList<>(2);
        int end = 0;
        while (end < stripped.length()) {
            int start = end;
            while (end < stripped.length() && !isSpace(stripped.charAt(end))) {
                end++;
            }
            words.add(stripped.substring(start, end));
            while (end < stripped.length() && isSpace(stripped.charAt(end))) {
                end++;
            }
        }
        return words.toArray(NONE);
    }

    /** The characters of Java's {@code \s}: ASCII space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
