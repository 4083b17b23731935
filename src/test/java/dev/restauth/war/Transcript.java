package dev.restauth.war;

import dev.restauth.testing.Http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a client saw of one run of {@link WarScenario}: every request with its answer, and the mail in between, as
 * text that two deployments produce alike exactly when they answered alike on the wire. Kept byte for byte: the
 * status, every header but the transport's own ({@link #TRANSPORT_HEADERS}, which the container writes), every
 * {@code Set-Cookie} in order, and the body. Replaced by placeholders: the values that are random in every run
 * (tokens, verification keys, session and CSRF cookies, each numbered by its first appearance, so a value that comes
 * back again is still seen to be the same one), the dates of cookies, and the address of the deployment.
 */
final class Transcript {
    /**
     * Headers of the HTTP transport, not of restauth: the container writes them, and they differ between containers
     * (Tomcat announces {@code Keep-Alive}, Jetty does not) and between runs ({@code Date}).
     */
    private static final Set<String> TRANSPORT_HEADERS = Set.of(
            "connection", "content-length", "date", "keep-alive", "server", "transfer-encoding");
    /** A cookie's expiry date, which follows the clock; the fixed date of a deleted cookie is kept. */
    private static final Pattern COOKIE_DATE = Pattern.compile("expires=(?!Thu, 01 Jan 1970 00:00:00 GMT)[^;]+");
    /** Values shorter than this are never taken for random ones (an emptied cookie's {@code ""}). */
    private static final int RANDOM_MIN_LENGTH = 16;

    private final String base;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    /** @param base the deployment's address, as the {@link Http} of the run has it */
    Transcript(String base) {
        this.base = base;
    }

    /**
     * Marks {@code value} as random: it shows as {@code <kind n>} wherever it appears, before or after this call.
     *
     * @return the value
     */
    String random(String kind, String value) {
        if (value.length() >= RANDOM_MIN_LENGTH && !placeholders.containsKey(value)) {
            int n = counts.merge(kind, 1, Integer::sum);
            placeholders.put(value, "<" + kind + " " + n + ">");
        }
        return value;
    }

    /**
     * Records a request, given as sent (its headers as name, value, ...), and the answer; the value of every cookie
     * the answer sets is {@linkplain #random random}.
     */
    void exchange(String method, String path, String body, List<String> headers, Http.Response response) {
        text.append("> ").append(method).append(' ').append(path).append('\n');
        for (int i = 0; i < headers.size(); i += 2) {
            text.append("> ").append(headers.get(i)).append(": ").append(headers.get(i + 1)).append('\n');
        }
        if (body != null) {
            text.append(">\n> ").append(body.replace("\r\n", "\n> ")).append('\n');
        }
        text.append("< ").append(response.status()).append('\n');
        response.headers().map().entrySet().stream()
                .filter(header -> !TRANSPORT_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(header -> header.getKey().toLowerCase(Locale.ROOT)))
                .forEach(header -> header.getValue().forEach(value -> text.append("< ")
                        .append(header.getKey().toLowerCase(Locale.ROOT)).append(": ")
                        .append(COOKIE_DATE.matcher(value).replaceAll("expires=<date>")).append('\n')));
        if (!response.body().isEmpty()) {
            text.append("<\n< ").append(response.body()).append('\n');
        }
        text.append('\n');
        for (String cookie : response.setCookies()) {
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            random(cookie.substring(0, cookie.indexOf('=')), value);
        }
    }

    /** Records a mail the deployment sent. */
    void mail(String recipients, String subject, String body) {
        text.append("mail to ").append(recipients).append(": ").append(subject).append('\n')
                .append(body.strip()).append("\n\n");
    }

    /** The transcript with every placeholder in place, the longest values replaced first. */
    @Override
    public String toString() {
        String result = text.toString();
        List<Map.Entry<String, String>> values = new ArrayList<>(placeholders.entrySet());
        values.sort(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed());
        for (Map.Entry<String, String> value : values) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result.replace(base, "<base>");
    }
}
