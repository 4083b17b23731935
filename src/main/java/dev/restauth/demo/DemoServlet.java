package dev.restauth.demo;

import com.google.gson.JsonObject;

import dev.restauth.http.ResponseWriter;
import dev.restauth.text.Messages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The demo page's static files, read once from the class path ({@code dev/restauth/demo/}). Mapped as the
 * context's default servlet ({@code /}): {@code /}, and any path below {@code /password-reset/confirm/}, get the
 * page; {@code /demo/demo.js} and {@code /demo/demo.css} its parts; every other path restauth's JSON 404.
 *
 * <p>Every answer carries a Content-Security-Policy that allows only this origin's script, style and API (so no
 * inline script and no third-party code can run in the page) and {@code Referrer-Policy: no-referrer}, as the
 * reset page's address holds a reset token.
 */
final class DemoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String RESET_LANDING = "/password-reset/confirm/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final transient Resource page = Resource.load("index.html", "text/html;charset=utf-8");
    private final transient Map<String, Resource> parts = Map.of(
            DemoPage.PATH + "/demo.js", Resource.load("demo.js", "text/javascript;charset=utf-8"),
            DemoPage.PATH + "/demo.css", Resource.load("demo.css", "text/css;charset=utf-8"));

    /** restauth's JSON 404, as every path the standalone server does not serve answers. */
    static void notFound(HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("detail", Messages.get("error.not_found"));
        ResponseWriter.write(response, 404, Map.of(), List.of(), body, false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Resource resource = path.equals("/") || path.startsWith(RESET_LANDING) ? page : parts.get(path);
        securityHeaders(response);
        if (resource == null) {
            notFound(response);
            return;
        }
        response.setContentType(resource.contentType());
        write(response, resource.bytes());
    }

    /** The headers every demo answer carries, the JSON ones included. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
    }

    static void write(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** A file of the page, whole in memory: the three are a few kilobytes. */
    private record Resource(byte[] bytes, String contentType) {
        static Resource load(String name, String contentType) {
            String path = "/dev/restauth/demo/" + name;
            try (InputStream in = DemoServlet.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the demo page's " + path + " is missing from the class path");
                }
                return new Resource(in.readAllBytes(), contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
