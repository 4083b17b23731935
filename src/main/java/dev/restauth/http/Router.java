package dev.restauth.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * restauth's URL table: exact paths below the mount prefix, each with or without its trailing slash (no
 * redirect), and at most one {@code {param}} segment that matches one non-empty path segment. Registering the same
 * path twice throws. Every endpoint added gets the router's {@link ApiServlet.ApiSupport}. Built once at start, then
 * read-only and thread-safe.
 */
public final class Router {
    /** Request attribute that carries the {@code {param}} segment's value to the endpoint. */
    public static final String PARAMETER = "restauth.pathParameter";

    private final ApiServlet.ApiSupport support;
    private final Map<String, ApiServlet> exact = new LinkedHashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();

    /** @param support what every endpoint of this table shares (authentication, body limit, client addresses) */
    public Router(ApiServlet.ApiSupport support) {
        this.support = support;
    }

    /** A match: the endpoint, the value of the {@code {param}} segment (null for exact paths) and its route. */
    public record Match(ApiServlet servlet, String parameter, String route) {
    }

    private record Pattern(String before, String after, ApiServlet servlet, String route) {
    }

    /** Told of every request under the prefix once answered (metrics). Implementations are thread-safe. */
    public interface Observer {
        /**
         * @param route  the route as registered (e.g. {@code /passkeys/{id}/}), or null for a path no route matches
         * @param status the status answered
         * @param nanos  how long the answer took
         */
        void answered(String route, String method, int status, long nanos);
    }

    private volatile Observer observer;

    /** A route as registered: its path (with its {@code {param}} segment named) and its endpoint. */
    public record Route(String path, ApiServlet servlet) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param path e.g. {@code /login/} or {@code /socialaccounts/{pk}/disconnect/}
     * @throws IllegalArgumentException when the path is registered already or has more than one parameter
     */
    public Router add(String path, ApiServlet servlet) {
        servlet.attach(support);
        String normalised = normalise(path);
        int open = normalised.indexOf('{');
        if (open < 0) {
            if (exact.putIfAbsent(normalised, servlet) != null) {
                throw new IllegalArgumentException("route " + path + " is registered twice");
            }
            routes.add(new Route(withSlash(normalised), servlet));
            return this;
        }
        int close = normalised.indexOf('}', open);
        if (close < 0 || normalised.indexOf('{', close) >= 0 || normalised.charAt(open - 1) != '/'
                || (close + 1 < normalised.length() && normalised.charAt(close + 1) != '/')) {
            throw new IllegalArgumentException("route " + path + " must have at most one {param} segment");
        }
        Pattern pattern = new Pattern(normalised.substring(0, open), normalised.substring(close + 1), servlet,
                withSlash(normalised));
        for (Pattern existing : patterns) {
            if (existing.before().equals(pattern.before()) && existing.after().equals(pattern.after())) {
                throw new IllegalArgumentException("route " + path + " is registered twice");
            }
        }
        patterns.add(pattern);
        routes.add(new Route(pattern.route(), servlet));
        return this;
    }

    /** The route for a path below the prefix ({@code null} or empty is the root). */
    public Optional<Match> match(String path) {
        String normalised = normalise(path == null ? "" : path);
        ApiServlet servlet = exact.get(normalised);
        if (servlet != null) {
            return Optional.of(new Match(servlet, null, withSlash(normalised)));
        }
        for (Pattern pattern : patterns) {
            if (normalised.startsWith(pattern.before()) && normalised.endsWith(pattern.after())
                    && normalised.length() > pattern.before().length() + pattern.after().length()) {
                String value = normalised.substring(pattern.before().length(),
                        normalised.length() - pattern.after().length());
                if (!value.contains("/")) {
                    return Optional.of(new Match(pattern.servlet(), value, pattern.route()));
                }
            }
        }
        return Optional.empty();
    }

    /** Sets who is told of every answer (one observer; null for none). Set it before the server starts. */
    public void observe(Observer observer) {
        this.observer = observer;
    }

    /** Who is told of every answer, or null. */
    public Observer observer() {
        return observer;
    }

    /** Every endpoint, once each, in registration order. */
    public List<ApiServlet> endpoints() {
        Set<ApiServlet> endpoints = new LinkedHashSet<>(exact.values());
        patterns.forEach(pattern -> endpoints.add(pattern.servlet()));
        return List.copyOf(endpoints);
    }

    /** Every route with its path as registered (with a trailing slash), in registration order. */
    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** Every registered path, in registration order (for the start-up log). */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(exact.keySet());
        for (Pattern pattern : patterns) {
            paths.add(pattern.before() + "{param}" + pattern.after());
        }
        return Collections.unmodifiableList(paths);
    }

    /** A normalised path as routes are shown: with its trailing slash. */
    private static String withSlash(String normalised) {
        return normalised.equals("/") ? "/" : normalised + "/";
    }

    /** Paths are compared without their trailing slash: {@code /login/} and {@code /login} are one route. */
    private static String normalise(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        return withSlash.length() > 1 && withSlash.endsWith("/")
                ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }
}
