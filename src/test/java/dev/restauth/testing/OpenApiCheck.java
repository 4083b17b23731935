package dev.restauth.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every answer of the HTTP tests to the OpenAPI document the server under test serves ({@code <mount>/schema/}),
 * with a real OpenAPI validator (Atlassian's swagger-request-validator). A test fails with the validator's words
 * when
 * <ul>
 * <li>an answer's status, media type or body is not what the document says the operation answers;</li>
 * <li>a request the server accepted (2xx) does not match the document's request body, parameters or security (the
 * tests send refused requests on purpose, so requests answered with 4xx are not held to the document);</li>
 * <li>a path the server serves (anything but a 404) is missing from the document: an endpoint without a
 * description.</li>
 * </ul>
 * A 405 to a method the endpoint does not handle must be DRF's {@code {"detail": "..."}}. The document is fetched once
 * per server and its validator shared between servers that serve the same text. Thread-safe.
 */
public final class OpenApiCheck {
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the validator says of a body it cannot read: the endpoints that accepted one did not read it. */
    private static final java.util.Set<String> IGNORED_BODY = java.util.Set.of(
            "validation.request.body.schema.invalidJson", "validation.request.body.schema.unknownError",
            "validation.request.contentType.notAllowed", "validation.request.body.unexpected");

    private final String schemaUrl;
    private volatile OpenApiInteractionValidator validator;

    /** @param base the server's API base, e.g. {@code http://127.0.0.1:40123/rest-auth} */
    public OpenApiCheck(String base) {
        this.schemaUrl = base + "/schema/";
    }

    /**
     * Checks one exchange.
     *
     * @param uri     the request's full URI
     * @param headers the request's headers
     * @param body    the request body as text, or null
     * @throws AssertionError naming every mismatch
     */
    public void check(String method, URI uri, HttpHeaders headers, String contentType, String body,
                      Http.Response response) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, withSlash(uri.getPath()));
        headers.map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                request.withHeader(name, values);
            }
        });
        if (contentType != null && knownCharset(contentType)) {
            request.withContentType(contentType);
        }
        if (body != null) {
            request.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                answer.withHeader(name, values);
            }
        });
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        if (!response.body().isEmpty() && !"HEAD".equals(method)) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator().validate(request.build(), answer.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR || !counts(message.getKey(), method, response)) {
                continue;
            }
            problems.add(message.getKey() + ": " + message.getMessage());
        }
        if (!problems.isEmpty()) {
            String answered = response.toString();
            throw new AssertionError("the answer to " + method + " " + uri.getPath() + " ("
                    + (answered.length() > 300 ? answered.substring(0, 300) + "..." : answered)
                    + ") disagrees with the OpenAPI document " + schemaUrl + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static boolean counts(String key, String method, Http.Response response) {
        int status = response.status();
        if (key.equals("validation.request.path.missing")) {
            if (status == 404) {
                return false; // an unknown path: nothing to describe
            }
            return true; // served, yet not in the document: its endpoint gives no description
        }
        if (key.equals("validation.request.operation.notAllowed")) {
            // a method the endpoint does not handle: 405, or the 401/403 DRF checks first, in DRF's shape
            if (status >= 400 && status < 500) {
                assertDetail(response);
                return false;
            }
            return true;
        }
        if (IGNORED_BODY.contains(key)) {
            return false; // a body the endpoint does not read (logout's, disconnect's) is not held to the document
        }
        if (key.startsWith("validation.request")) {
            return status >= 200 && status < 300; // refused requests are refused on purpose
        }
        return true;
    }

    private static void assertDetail(Http.Response response) {
        JsonElement body = JsonParser.parseString(response.body());
        if (!body.isJsonObject() || body.getAsJsonObject().size() != 1 || !body.getAsJsonObject().has("detail")) {
            throw new AssertionError("a 405 is DRF's {\"detail\": ...}, not " + response);
        }
    }

    private OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            String document = fetch();
            current = VALIDATORS.computeIfAbsent(document,
                    text -> OpenApiInteractionValidator.createForInlineApiSpecification(asOpenApi30(text)).build());
            validator = current;
        }
        return current;
    }

    /**
     * The served 3.1 document as OpenAPI 3.0, the version the validator checks bodies against (given a 3.1 document it
     * parses it, but checks no response body): the same document, with {@code "type": ["x", "null"]} written as
     * 3.0's {@code "type": "x", "nullable": true}. Nothing else of 3.1 is used by restauth's document.
     */
    static String asOpenApi30(String document) {
        JsonObject tree = JsonParser.parseString(document).getAsJsonObject();
        if (!tree.get("openapi").getAsString().startsWith("3.1")) {
            throw new AssertionError("the document is no longer OpenAPI 3.1: " + tree.get("openapi"));
        }
        tree.addProperty("openapi", "3.0.3");
        nullableAs30(tree);
        return tree.toString();
    }

    private static void nullableAs30(JsonElement element) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(OpenApiCheck::nullableAs30);
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            JsonElement type = object.get("type");
            if (type != null && type.isJsonArray()) {
                JsonArray types = type.getAsJsonArray();
                if (types.size() != 2 || !types.contains(new JsonPrimitive("null"))) {
                    throw new AssertionError("a type list 3.0 cannot say: " + types);
                }
                for (JsonElement each : types) {
                    if (!"null".equals(each.getAsString())) {
                        object.add("type", each);
                    }
                }
                object.addProperty("nullable", true);
            }
            object.entrySet().forEach(entry -> nullableAs30(entry.getValue()));
        }
    }

    private String fetch() {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(schemaUrl))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + schemaUrl + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + schemaUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether a media type names no charset, or one this JVM knows (the tests send unknown ones on purpose). */
    private static boolean knownCharset(String contentType) {
        int at = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return true;
        }
        String name = contentType.substring(at + 8).split(";")[0].trim().replace("\"", "");
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The document's paths end with a slash; the router serves each path with and without it. */
    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
