package dev.restauth.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.auth.Client;
import dev.restauth.auth.Cookies;
import dev.restauth.auth.Identity;
import dev.restauth.error.NotAuthenticatedException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * One request as an endpoint sees it: the authenticated identity, the body parsed on first use (DRF parses lazily,
 * so an endpoint that never reads the body never rejects it), the router's path parameter, and cookies. Confined to
 * the thread serving the request.
 */
public final class ApiRequest {
    private final HttpServletRequest raw;
    private final int maxBodyBytes;
    private final String pathParameter;
    private final ClientAddresses clients;
    private Identity identity;
    private JsonElement body;
    private String clientAddress;

    ApiRequest(HttpServletRequest raw, int maxBodyBytes, String pathParameter, ClientAddresses clients) {
        this.raw = raw;
        this.maxBodyBytes = maxBodyBytes;
        this.pathParameter = pathParameter;
        this.clients = clients;
    }

    /** The servlet request, for what this class does not cover. */
    public HttpServletRequest raw() {
        return raw;
    }

    public String method() {
        return raw.getMethod();
    }

    /**
     * The client's IP address as rate limits count it: the socket's peer, or, behind {@code trusted_proxies}
     * reverse proxies, the address the outermost one saw (see {@link ClientAddresses}). The one place restauth
     * decides it; never null.
     */
    public String clientAddress() {
        if (clientAddress == null) {
            clientAddress = clients.of(raw);
        }
        return clientAddress;
    }

    /** Where the request comes from: {@link #clientAddress()} and the {@code User-Agent} it sent. */
    public Client client() {
        return new Client(clientAddress(), raw.getHeader("User-Agent"));
    }

    /** Who sent the request, if anyone proved it. */
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    void identity(Identity identity) {
        this.identity = identity;
    }

    /**
     * The authenticated user.
     *
     * @throws NotAuthenticatedException for an anonymous request (endpoints that need a user are guarded earlier)
     */
    public User user() {
        if (identity == null) {
            throw NotAuthenticatedException.missing();
        }
        return identity.user();
    }

    /** The value of the route's {@code {param}} segment, or null when the route has none. */
    public String pathParameter() {
        return pathParameter;
    }

    /** The parsed body: any JSON value, an empty object when there is no body. */
    public JsonElement body() {
        if (body == null) {
            body = RequestBody.parse(raw, maxBodyBytes);
        }
        return body;
    }

    /**
     * Readies the connection for the next request: a body that was not parsed (the endpoint never asked for it, or
     * refused it unread) is read and dropped, up to the body size limit.
     *
     * @return false when the connection cannot carry another request (the body is over the limit or unreadable)
     */
    boolean finishBody() {
        return body != null || RequestBody.drain(raw, maxBodyBytes);
    }

    /**
     * The body as an object, the only shape restauth's serializers accept.
     *
     * @throws ValidationException {@code {"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}}
     *                             for any other JSON value, and {@code ["No data provided"]} for {@code null},
     *                             worded as DRF does
     */
    public JsonObject data() {
        JsonElement element = body();
        if (element.isJsonObject()) {
            return element.getAsJsonObject();
        }
        if (element.isJsonNull()) {
            throw ValidationException.nonField(Messages.get("data.none"));
        }
        throw ValidationException.nonField(Messages.get("data.not_object", Json.pythonTypeName(element)));
    }

    /** The value of a request cookie, or null. */
    public String cookie(String name) {
        return Cookies.value(raw, name);
    }

    /** The path restauth is mounted at, as the client sees it: context path plus servlet mapping, e.g. /rest-auth. */
    public String apiPath() {
        return raw.getContextPath() + raw.getServletPath();
    }

    /**
     * {@code scheme://host[:port]} as the client addressed this server (its Host header), for absolute links in
     * mails, as Django's {@code request.build_absolute_uri}.
     */
    public String origin() {
        String host = raw.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = raw.getServerName() + ":" + raw.getServerPort();
        }
        return raw.getScheme() + "://" + host;
    }
}
