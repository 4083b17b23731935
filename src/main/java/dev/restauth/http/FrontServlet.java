package dev.restauth.http;

import com.google.gson.JsonObject;

import dev.restauth.text.Messages;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one servlet the container knows: mapped to {@code <prefix>/*}, it looks the rest of the path up in the
 * {@link Router} and hands the request to that endpoint's servlet. Unknown paths get a JSON 404. It also renders the
 * container's error dispatch (the {@code <error-page>} of the WAR's {@code web.xml}) as JSON: see
 * {@link ContainerErrors}. The container's lifecycle reaches the endpoints through it: {@link #init()} initialises
 * every endpoint servlet with this servlet's {@code ServletConfig}, and {@link #destroy()} destroys them.
 *
 * <p>Built with its router by restauth's composition root, or, when a container instantiates it from
 * {@code web.xml}, it takes the router from the servlet context attribute {@link #ROUTER_ATTRIBUTE}, set by the
 * context listener.
 */
public final class FrontServlet extends HttpServlet {
    /** Servlet-context attribute holding the {@link Router} for container-created instances. */
    public static final String ROUTER_ATTRIBUTE = "dev.restauth.router";

    /** Most bytes of a body sent to an unknown path that are read and dropped to keep the connection open. */
    private static final int UNROUTED_BODY_LIMIT = 64 * 1024;

    private Router router;

    /** For containers that create the servlet from {@code web.xml}; the router comes from the context. */
    public FrontServlet() {
    }

    public FrontServlet(Router router) {
        this.router = router;
    }

    @Override
    public void init() throws ServletException {
        if (router == null) {
            router = (Router) getServletContext().getAttribute(ROUTER_ATTRIBUTE);
            if (router == null) {
                throw new ServletException("no restauth router in the servlet context: register "
                        + "dev.restauth.RestAuthListener in web.xml before this servlet");
            }
        }
        for (ApiServlet endpoint : router.endpoints()) {
            endpoint.init(getServletConfig());
        }
    }

    @Override
    public void destroy() {
        if (router != null) {
            router.endpoints().forEach(ApiServlet::destroy);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            ContainerErrors.forErrorDispatch(request).write(response); // the WAR's <error-page>: JSON, not HTML
            return;
        }
        long start = System.nanoTime();
        Optional<Router.Match> match = router.match(request.getPathInfo());
        if (match.isEmpty()) {
            if (!RequestBody.drain(request, UNROUTED_BODY_LIMIT)) {
                response.setHeader("Connection", "close"); // the body stays unread: see ApiServlet
            }
            notFound(response);
            observe(null, request, response, start);
            return;
        }
        request.setAttribute(Router.PARAMETER, match.get().parameter());
        match.get().servlet().service(request, response);
        observe(match.get().route(), request, response, start);
    }

    private void observe(String route, HttpServletRequest request, HttpServletResponse response, long start) {
        Router.Observer observer = router.observer();
        if (observer != null) {
            observer.answered(route, request.getMethod(), response.getStatus(), System.nanoTime() - start);
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("detail", Messages.get("error.not_found"));
        ResponseWriter.write(response, 404, Map.of(), List.of(), body, false);
    }
}
