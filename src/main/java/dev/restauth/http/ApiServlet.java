package dev.restauth.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.auth.Authentication;
import dev.restauth.auth.Identity;
import dev.restauth.error.ApiException;
import dev.restauth.error.MethodNotAllowedException;
import dev.restauth.error.NotAuthenticatedException;
import dev.restauth.text.Messages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The base of every endpoint: DRF's {@code APIView.dispatch} in one place. For each request it
 * <ol>
 * <li>authenticates (token, then session + CSRF, in the configured order), before anything else, so a bad
 * {@code Authorization} header is 401 even on open endpoints and an anonymous {@code DELETE /user/} is 401 not 405;</li>
 * <li>checks the permission (an endpoint may require a user);</li>
 * <li>checks the method (405 with {@code Allow}); answers {@code OPTIONS} and {@code HEAD} itself;</li>
 * <li>calls the endpoint's handler, which parses, validates, acts and returns an {@link ApiResponse};</li>
 * <li>renders the response, or the {@link ApiException} thrown on the way, as compact UTF-8 JSON, after reading
 * and dropping a body nobody parsed (up to the size limit; beyond it the answer says {@code Connection: close}).</li>
 * </ol>
 * Unexpected exceptions become a logged 500 here and nowhere else; an outage ({@link Unavailability}) becomes a 503.
 * Subclasses override the handlers for their methods ({@link #get}, {@link #post}, {@link #put}, {@link #patch},
 * {@link #delete}) and are thread-safe.
 *
 * <p>Endpoints are servlets, not handlers of a framework of restauth's own, so a reader who knows the servlet API
 * knows how one is called and what it may do; the {@link Router} only picks the servlet for a path, a job a container's
 * URL patterns cannot do (optional trailing slash, a path parameter in the middle). The container's lifecycle reaches
 * them through the {@link FrontServlet}, which {@linkplain #init(jakarta.servlet.ServletConfig) initialises} and
 * destroys each with its own {@code ServletConfig}. What every endpoint shares ({@link ApiSupport}) is handed over by
 * the router when the endpoint is added to it.
 */
public abstract class ApiServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());
    /** DRF's {@code http_method_names} order, which its {@code Allow} header follows. */
    private static final List<String> METHOD_ORDER =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** Who may call an endpoint. */
    protected enum Access {
        /** Anyone (DRF's {@code AllowAny}). */
        ANYONE,
        /** Authenticated users only (DRF's {@code IsAuthenticated}). */
        AUTHENTICATED,
        /**
         * Anyone, and credentials are not even read (a view with {@code authentication_classes = ()}, as simplejwt's
         * token views): a bad {@code Authorization} header is no reason to refuse.
         */
        PUBLIC
    }

    private final Access access;
    private final Set<String> methods;
    private final String allow;
    private ApiSupport support;

    /**
     * @param methods the methods this endpoint handles; HEAD comes with GET, OPTIONS with every endpoint
     */
    protected ApiServlet(Access access, String... methods) {
        this.access = access;
        this.methods = Set.of(methods);
        this.allow = allowHeader(this.methods);
    }

    /** Called by the {@link Router} this endpoint is added to; an endpoint belongs to one router. */
    void attach(ApiSupport support) {
        if (this.support != null && this.support != support) {
            throw new IllegalStateException(getClass().getSimpleName() + " is routed by two routers");
        }
        this.support = support;
    }

    protected ApiResponse get(ApiRequest request) {
        throw new MethodNotAllowedException(request.method());
    }

    protected ApiResponse post(ApiRequest request) {
        throw new MethodNotAllowedException(request.method());
    }

    protected ApiResponse put(ApiRequest request) {
        throw new MethodNotAllowedException(request.method());
    }

    protected ApiResponse patch(ApiRequest request) {
        throw new MethodNotAllowedException(request.method());
    }

    protected ApiResponse delete(ApiRequest request) {
        throw new MethodNotAllowedException(request.method());
    }

    /**
     * What this endpoint accepts and answers, for the OpenAPI document ({@code <mount>/schema/}): one operation per
     * method it handles. Every endpoint overrides it; the default, null, leaves the route out of the document, which
     * the document's own test reports by the servlet's name.
     */
    public EndpointDoc describe() {
        return null;
    }

    /** The methods this endpoint handles (without {@code HEAD} and {@code OPTIONS}, which every endpoint answers). */
    public final Set<String> methods() {
        return methods;
    }

    /** Whether only an authenticated user may call it (DRF's {@code IsAuthenticated}). */
    public final boolean requiresUser() {
        return access == Access.AUTHENTICATED;
    }

    /** Whether it reads credentials at all: false for endpoints that ignore them, as simplejwt's token views. */
    public final boolean readsCredentials() {
        return access != Access.PUBLIC;
    }

    /** The name in the {@code OPTIONS} answer: the class name without "Servlet", split into words. */
    protected String viewName() {
        String simple = getClass().getSimpleName().replaceAll("Servlet$", "");
        return simple.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    @Override
    protected void service(HttpServletRequest raw, HttpServletResponse response) throws IOException {
        String method = raw.getMethod().toUpperCase(Locale.ROOT);
        ApiRequest request = new ApiRequest(raw, support.maxBodyBytes(), (String) raw.getAttribute(Router.PARAMETER),
                support.clientAddresses());
        boolean varyCookie = access != Access.PUBLIC && support.authentication().variesByCookie(raw);
        ApiResponse answer = null;
        ApiException failure = null;
        try {
            Identity identity = access == Access.PUBLIC ? null
                    : support.authentication().authenticate(raw).orElse(null);
            request.identity(identity);
            if (access == Access.AUTHENTICATED && identity == null) {
                throw NotAuthenticatedException.missing();
            }
            answer = dispatch(method, request);
        } catch (ApiException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = support.unavailability().answer(e);
            if (failure == null) {
                LOG.log(Level.SEVERE, "unexpected failure in " + method + " " + raw.getRequestURI(), e);
                failure = new ServerError();
            }
        }
        if (!request.finishBody()) {
            // The container drops a connection whose request body was left unread; tell the client, or its next
            // request on this connection fails.
            response.setHeader("Connection", "close");
        }
        if (failure != null) {
            writeError(response, failure, varyCookie);
            return;
        }
        if (answer.content() != null) {
            Map<String, String> headers = new LinkedHashMap<>(answer.headers());
            headers.put("Vary", "Accept");
            headers.put("Allow", allow);
            ResponseWriter.writeContent(response, answer.status(), headers, answer.contentType(), answer.content(),
                    "HEAD".equals(method));
            return;
        }
        write(response, answer.status(), answer.body(), answer.headers(), answer.cookies(),
                varyCookie || answer.sessionUsed(), "HEAD".equals(method));
    }

    private ApiResponse dispatch(String method, ApiRequest request) {
        switch (method) {
            case "OPTIONS":
                return options();
            case "HEAD":
                if (methods.contains("GET")) {
                    return get(request);
                }
                break;
            default:
                if (methods.contains(method)) {
                    return handle(method, request);
                }
        }
        throw new MethodNotAllowedException(method);
    }

    private ApiResponse handle(String method, ApiRequest request) {
        switch (method) {
            case "GET":
                return get(request);
            case "POST":
                return post(request);
            case "PUT":
                return put(request);
            case "PATCH":
                return patch(request);
            case "DELETE":
                return delete(request);
            default:
                throw new MethodNotAllowedException(method);
        }
    }

    private ApiResponse options() {
        JsonObject body = new JsonObject();
        body.addProperty("name", viewName());
        body.addProperty("description", "");
        JsonArray renders = new JsonArray();
        renders.add("application/json");
        body.add("renders", renders);
        JsonArray parses = new JsonArray();
        parses.add("application/json");
        parses.add("application/x-www-form-urlencoded");
        parses.add("multipart/form-data");
        body.add("parses", parses);
        return ApiResponse.ok(body);
    }

    private void writeError(HttpServletResponse response, ApiException e, boolean varyCookie) throws IOException {
        ErrorAnswer answer = ErrorAnswer.of(e, support.authentication());
        write(response, answer.status(), answer.body(), answer.headers(), List.of(), varyCookie, false);
    }

    private void write(HttpServletResponse response, int status, JsonElement body, Map<String, String> headers,
                       List<String> cookies, boolean varyCookie, boolean headOnly) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Vary", varyCookie ? "Accept, Cookie" : "Accept");
        all.put("Allow", allow);
        ResponseWriter.write(response, status, all, cookies, body, headOnly);
    }

    private static String allowHeader(Set<String> methods) {
        List<String> allowed = new ArrayList<>();
        for (String method : METHOD_ORDER) {
            if (methods.contains(method) || "OPTIONS".equals(method)
                    || ("HEAD".equals(method) && methods.contains("GET"))) {
                allowed.add(method);
            }
        }
        return String.join(", ", allowed);
    }

    /** 500 {"detail":"A server error occurred."}: the only answer an unexpected failure gets. */
    private static final class ServerError extends ApiException {
        ServerError() {
            super(500, Messages.get("error.server"));
        }
    }

    /**
     * What every endpoint shares: the authentication chain, the body size limit, how clients are told apart, and
     * which failures are outages (503) rather than bugs (500).
     */
    public record ApiSupport(Authentication authentication, int maxBodyBytes, ClientAddresses clientAddresses,
                             Unavailability unavailability) {
        /** Every unexpected failure a 500. */
        public ApiSupport(Authentication authentication, int maxBodyBytes, ClientAddresses clientAddresses) {
            this(authentication, maxBodyBytes, clientAddresses, Unavailability.NONE);
        }

        /** Without proxies: the client is the socket's peer. */
        public ApiSupport(Authentication authentication, int maxBodyBytes) {
            this(authentication, maxBodyBytes, ClientAddresses.direct());
        }
    }
}
