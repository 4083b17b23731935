package dev.restauth.openapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.config.Settings;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The OpenAPI 3.1 document of the endpoints a router serves, built from the route table and each endpoint's own
 * {@linkplain ApiServlet#describe() description}, so the document lists exactly what this configuration serves (token
 * or JWT mode, the configured providers, second factors and passkeys when on). To each operation it adds what every
 * endpoint answers alike: {@code HEAD} beside {@code GET}, {@code OPTIONS}, the refusals of a body that is no JSON,
 * too large or of another type, for endpoints that read credentials 401 and 403, and 503 during an outage. Routes
 * whose endpoint gives no description are left out and listed by {@link #undescribed}.
 */
public final class ApiDocument {
    /** The version of the OpenAPI specification the document follows. */
    public static final String OPENAPI_VERSION = "3.1.0";
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("\\{(\\w+)}");
    private static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH");

    private ApiDocument() {
    }

    /**
     * The document.
     *
     * @param mount the URL path the API is served under, e.g. {@code /rest-auth} (the document's server)
     */
    public static JsonObject build(List<Router.Route> routes, Settings settings, String mount) {
        JsonObject document = new JsonObject();
        document.addProperty("openapi", OPENAPI_VERSION);
        JsonObject info = new JsonObject();
        info.addProperty("title", "restauth");
        info.addProperty("version", version());
        info.addProperty("description", "REST authentication endpoints, wire-compatible with dj-rest-auth. "
                + "This document lists exactly what this server's configuration serves.");
        document.add("info", info);
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.addProperty("url", mount);
        servers.add(server);
        document.add("servers", servers);
        Credentials credentials = Credentials.of(settings);
        JsonObject paths = new JsonObject();
        for (Router.Route route : routes) {
            EndpointDoc doc = route.servlet().describe();
            if (doc != null) {
                paths.add(route.path(), pathItem(route, doc, credentials));
            }
        }
        document.add("paths", paths);
        JsonObject components = new JsonObject();
        components.add("securitySchemes", credentials.schemes());
        document.add("components", components);
        return document;
    }

    /** The routes whose endpoint has no description, or lacks an operation for a method it handles. */
    public static List<String> undescribed(List<Router.Route> routes) {
        List<String> missing = new ArrayList<>();
        for (Router.Route route : routes) {
            EndpointDoc doc = route.servlet().describe();
            String servlet = route.servlet().getClass().getSimpleName();
            if (doc == null) {
                missing.add(route.path() + " (" + servlet + " gives no describe())");
                continue;
            }
            for (String method : route.servlet().methods()) {
                if (!doc.operations().containsKey(method)) {
                    missing.add(method + " " + route.path() + " (" + servlet + ".describe() has no " + method + ")");
                }
            }
        }
        return missing;
    }

    private static JsonObject pathItem(Router.Route route, EndpointDoc doc, Credentials credentials) {
        JsonObject item = new JsonObject();
        Matcher parameter = PARAMETER.matcher(route.path());
        if (parameter.find()) {
            JsonArray parameters = new JsonArray();
            JsonObject param = new JsonObject();
            param.addProperty("name", parameter.group(1));
            param.addProperty("in", "path");
            param.addProperty("required", true);
            param.add("schema", Schema.string());
            parameters.add(param);
            item.add("parameters", parameters);
        }
        ApiServlet servlet = route.servlet();
        String id = route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        for (Map.Entry<String, Operation> entry : doc.operations().entrySet()) {
            String method = entry.getKey();
            if (!servlet.methods().contains(method)) {
                continue;
            }
            item.add(method.toLowerCase(Locale.ROOT),
                    operation(entry.getValue(), method, servlet, doc.tag(), id, credentials, false));
            if ("GET".equals(method)) {
                item.add("head", operation(entry.getValue(), "HEAD", servlet, doc.tag(), id, credentials, true));
            }
        }
        item.add("options", options(servlet, doc.tag(), id, credentials));
        return item;
    }

    private static JsonObject operation(Operation op, String method, ApiServlet servlet, String tag, String id,
                                        Credentials credentials, boolean head) {
        JsonObject operation = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add(tag);
        operation.add("tags", tags);
        operation.addProperty("summary", head ? op.summary() + " (headers only)" : op.summary());
        if (op.description() != null) {
            operation.addProperty("description", op.description());
        }
        operation.addProperty("operationId", method.toLowerCase(Locale.ROOT) + "_" + id);
        operation.add("security", credentials.requirements(servlet, method));
        boolean hasBody = op.body() != null && BODY_METHODS.contains(method);
        if (hasBody) {
            JsonObject content = new JsonObject();
            for (String type : List.of("application/json", "application/x-www-form-urlencoded",
                    "multipart/form-data")) {
                JsonObject media = new JsonObject();
                media.add("schema", op.body());
                content.add(type, media);
            }
            JsonObject requestBody = new JsonObject();
            requestBody.add("content", content);
            operation.add("requestBody", requestBody);
        }
        JsonObject responses = new JsonObject();
        op.answers().forEach((status, answer) -> responses.add(Integer.toString(status),
                response(answer.description(), head ? Map.of() : answer.content(), answer.headers())));
        if (BODY_METHODS.contains(method)) {
            // every body is parsed before it is validated: not JSON, too large, of another media type
            Operation.Answer invalid = op.answers().get(400);
            responses.add("400", response(invalid != null ? invalid.description() : "The body is no valid JSON.",
                    json(anyOf(invalid != null ? invalid.schema() : null, Schema.detail())), Map.of()));
            responses.add("413", refusal("The body is larger than `max_body_bytes`.", head));
            responses.add("415", refusal("The body is of a media type restauth does not parse.", head));
        }
        if (servlet.readsCredentials()) {
            if (!responses.has("401")) {
                responses.add("401", response(servlet.requiresUser() ? "No credentials, or bad ones."
                        : "Bad credentials sent (an endpoint open to anyone still refuses bad ones).",
                        head ? Map.of() : json(Schema.credentialsRefused()),
                        Map.of("WWW-Authenticate", "The scheme to authenticate with, when the first configured "
                                + "authentication is a token's.")));
            }
            if (!responses.has("403")) {
                responses.add("403", refusal("A session or cookie-borne JWT without its CSRF token, or no "
                        + "credentials when the first configured authentication is the session's.", head));
            }
        }
        if (!responses.has("503")) {
            // any endpoint, during an outage of the database (or of what else it needs)
            responses.add("503", response("Unavailable for now (the database does not answer); try again.",
                    head ? Map.of() : json(Schema.detail()),
                    Map.of("Retry-After", "Seconds after which to try again, when known.")));
        }
        operation.add("responses", responses);
        return operation;
    }

    private static JsonObject options(ApiServlet servlet, String tag, String id, Credentials credentials) {
        Operation metadata = Operation.of("The endpoint's metadata (DRF's OPTIONS answer)")
                .answers(200, "Name, description and media types.", Schema.object()
                        .field("name", Schema.string())
                        .field("description", Schema.string())
                        .field("renders", Schema.arrayOf(Schema.string()))
                        .field("parses", Schema.arrayOf(Schema.string()))
                        .build());
        return operation(metadata, "OPTIONS", servlet, tag, id, credentials, false);
    }

    private static JsonObject refusal(String description, boolean head) {
        return response(description, head ? Map.of() : json(Schema.detail()), Map.of());
    }

    private static Map<String, JsonObject> json(JsonObject schema) {
        Map<String, JsonObject> content = new java.util.LinkedHashMap<>();
        content.put("application/json", schema);
        return content;
    }

    private static JsonObject anyOf(JsonObject first, JsonObject second) {
        if (first == null) {
            return second;
        }
        JsonArray either = new JsonArray();
        either.add(first);
        either.add(second);
        JsonObject schema = new JsonObject();
        schema.add("anyOf", either);
        return schema;
    }

    private static JsonObject response(String description, Map<String, JsonObject> bodies,
                                       Map<String, String> headers) {
        JsonObject response = new JsonObject();
        response.addProperty("description", description);
        if (!headers.isEmpty()) {
            JsonObject all = new JsonObject();
            headers.forEach((name, text) -> {
                JsonObject header = new JsonObject();
                header.addProperty("description", text);
                header.add("schema", Schema.string());
                all.add(name, header);
            });
            response.add("headers", all);
        }
        if (!bodies.isEmpty()) {
            JsonObject content = new JsonObject();
            bodies.forEach((type, schema) -> {
                JsonObject media = new JsonObject();
                media.add("schema", schema == null ? Schema.string() : schema);
                content.add(type, media);
            });
            response.add("content", content);
        }
        return response;
    }

    private static String version() {
        String version = ApiDocument.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
