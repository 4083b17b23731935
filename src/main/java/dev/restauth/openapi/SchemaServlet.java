package dev.restauth.openapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.config.Settings;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.Router;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /schema/}: the OpenAPI 3.1 document of every endpoint this server serves ({@link ApiDocument}), as JSON,
 * or as YAML with {@code ?format=yaml}. Built from the router when asked, so it always matches the routes.
 */
public final class SchemaServlet extends ApiServlet {
    private final Router router;
    private final Settings settings;

    /** @param router the table this endpoint is part of, read at each request (it is complete by then) */
    public SchemaServlet(Router router, Settings settings) {
        super(Access.PUBLIC, "GET");
        this.router = router;
        this.settings = settings;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        String mount = request.raw().getContextPath() + request.raw().getServletPath();
        JsonObject document = ApiDocument.build(router.routes(), settings, mount);
        if (wantsYaml(request.raw().getQueryString())) {
            DumpSettings dump = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
            String yaml = new Dump(dump).dumpToString(plain(document));
            return ApiResponse.content("application/yaml; charset=utf-8", yaml.getBytes(StandardCharsets.UTF_8));
        }
        return ApiResponse.ok(document);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("documentation").get(Operation.of("This OpenAPI document")
                .description("JSON by default; YAML with `?format=yaml`.")
                .answers(200, "The OpenAPI 3.1 document.", Schema.object()
                        .field("openapi", Schema.string())
                        .field("info", Schema.anyObject())
                        .field("paths", Schema.anyObject())
                        .open().build())
                .answersContent(200, "The document in YAML.", "application/yaml"));
    }

    /**
     * Whether the query asks for YAML ({@code format=yaml}). Read from the raw query, not the container's parameters,
     * which refuse a malformed query with an exception (a bad query is no reason to fail: the JSON is answered).
     */
    private static boolean wantsYaml(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("format=yaml")) {
                return true;
            }
        }
        return false;
    }

    /** The Gson tree as maps, lists, strings, numbers and booleans, for the YAML writer. */
    private static Object plain(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement item : (JsonArray) element) {
                list.add(plain(item));
            }
            return list;
        }
        if (element.isJsonNull()) {
            return null;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            double value = primitive.getAsDouble();
            return value == Math.rint(value) ? (Object) primitive.getAsLong() : (Object) value;
        }
        return primitive.getAsString();
    }
}
