package dev.restauth.openapi;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /docs/}: a page that shows the OpenAPI document ({@code <mount>/schema/}) with Swagger UI, whose files
 * ({@code GET /docs/<file>}) come from its WebJar inside restauth's jar: nothing is fetched from elsewhere. Only the
 * files the page uses are served.
 */
public final class DocsServlet extends ApiServlet {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "docs.js", "text/javascript; charset=utf-8");

    private final String version = webjarVersion();

    public DocsServlet() {
        super(Access.PUBLIC, "GET");
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        String file = request.pathParameter();
        if (file == null) {
            String mount = request.raw().getContextPath() + request.raw().getServletPath();
            String page = new String(read("dev/restauth/openapi/docs.html"), StandardCharsets.UTF_8)
                    .replace("{{docs}}", mount + "/docs/").replace("{{schema}}", mount + "/schema/");
            return ApiResponse.content("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
        String type = FILES.get(file);
        if (type == null) {
            throw ApiException.notFound();
        }
        return ApiResponse.content(type, read("docs.js".equals(file) ? "dev/restauth/openapi/docs.js"
                : WEBJAR + version + "/" + file));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("documentation").get(Operation.of("A page that shows this document (Swagger UI)")
                .answersContent(200, "The page, or one of its files.", "text/html")
                .answersContent(200, "The page, or one of its files.", "text/css")
                .answersContent(200, "The page, or one of its files.", "text/javascript")
                .answersContent(200, "The page, or one of its files.", "image/png")
                .refuses(404, "No such file."));
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DocsServlet.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing from the class path: " + name);
        }
        return in;
    }
}
