package dev.restauth.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The OpenAPI document at {@code <mount>/schema/}: it lists every route the configuration serves, and only those;
 * every endpoint describes every method it handles; it is a valid OpenAPI 3.1 document in JSON and in YAML; the
 * documentation page and its files are served from the jar.
 */
class OpenApiDocumentTest {
    private static final Path EC_KEY = ecKey();

    /** The configurations whose route tables differ: token mode, JWT mode with public keys, MFA and passkeys. */
    private static final List<UnaryOperator<TestServer.Builder>> CONFIGURATIONS = List.of(
            builder -> builder,
            builder -> builder.setting("use_jwt", "true").setting("authentication_classes", "jwt,session")
                    .setting("jwt_algorithm", "ES256").setting("jwt_signing_key_file", EC_KEY.toString())
                    .setting("jwt_auth_cookie", "auth"),
            builder -> builder.setting("mfa_enabled", "true").setting("passkeys_enabled", "true")
                    .setting("passkey_rp_id", "localhost").setting("passkey_rp_name", "Test App")
                    .setting("passkey_rp_origins", "http://localhost:8000"),
            builder -> builder.setting("social_providers", "github").setting("social.github.client_id", "id")
                    .setting("social.github.secret", "s"));

    private static Path ecKey() {
        try {
            java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
            ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            Path file = Files.createTempFile("restauth-openapi", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder()
                    .encodeToString(ec.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRouteOfEveryConfigurationDescribesEveryMethodItHandles() {
        List<String> missing = new ArrayList<>();
        for (UnaryOperator<TestServer.Builder> configuration : CONFIGURATIONS) {
            try (TestServer server = configuration.apply(TestServer.builder()).start()) {
                missing.addAll(ApiDocument.undescribed(server.app().router().routes()));
            }
        }
        assertEquals(List.of(), missing, "every endpoint overrides ApiServlet.describe() with an operation for each "
                + "method it handles; these do not");
    }

    @Test
    void theDocumentListsExactlyTheServedRoutesAndIsValidOpenApi31() throws Exception {
        for (UnaryOperator<TestServer.Builder> configuration : CONFIGURATIONS) {
            try (TestServer server = configuration.apply(TestServer.builder()).start()) {
                Http.Response response = server.http().get("/schema/");
                assertEquals(200, response.status());
                assertEquals("application/json", response.header("Content-Type"));
                JsonObject document = response.json();
                assertEquals("3.1.0", document.get("openapi").getAsString());
                assertEquals("/rest-auth", document.getAsJsonArray("servers").get(0).getAsJsonObject()
                        .get("url").getAsString());
                List<String> routes = new ArrayList<>();
                server.app().router().routes().forEach(route -> routes.add(route.path()));
                assertEquals(routes, new ArrayList<>(document.getAsJsonObject("paths").keySet()));
                SwaggerParseResult parsed = new OpenAPIParser().readContents(response.body(), null, null);
                assertEquals(List.of(), parsed.getMessages(), "the JSON document parses as OpenAPI without a remark");
                assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());

                Http.Response yaml = server.http().get("/schema/?x=1&format=yaml");
                assertEquals(200, yaml.status());
                assertEquals("application/yaml;charset=utf-8", yaml.header("Content-Type").replace(" ", ""));
                SwaggerParseResult fromYaml = new OpenAPIParser().readContents(yaml.body(), null, null);
                assertEquals(List.of(), fromYaml.getMessages());
                assertEquals(parsed.getOpenAPI(), fromYaml.getOpenAPI(), "YAML and JSON say the same");
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target/openapi-" + CONFIGURATIONS.indexOf(configuration) + ".json"),
                        response.body());
            }
        }
    }

    @Test
    void theDocumentFollowsTheConfiguration() {
        try (TestServer server = TestServer.start()) {
            JsonObject document = server.http().get("/schema/").json();
            JsonObject paths = document.getAsJsonObject("paths");
            assertTrue(paths.has("/login/") && !paths.has("/token/refresh/") && !paths.has("/mfa/verify/"));
            JsonObject schemes = document.getAsJsonObject("components").getAsJsonObject("securitySchemes");
            assertEquals(List.of("Token", "Session", "CSRF"), new ArrayList<>(schemes.keySet()));
            JsonObject user = paths.getAsJsonObject("/user/").getAsJsonObject("patch");
            assertEquals("[{\"Token\":[]},{\"Session\":[],\"CSRF\":[]}]", user.get("security").toString());
            assertTrue(user.getAsJsonObject("responses").has("401"));
            assertEquals("{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"}},\"required\":[\"key\"],"
                    + "\"additionalProperties\":false}", paths.getAsJsonObject("/login/").getAsJsonObject("post")
                    .getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("content")
                    .getAsJsonObject("application/json").getAsJsonObject("schema").getAsJsonArray("anyOf").get(0)
                    .toString());
        }
        try (TestServer server = CONFIGURATIONS.get(1).apply(TestServer.builder()).start()) {
            JsonObject document = server.http().get("/schema/").json();
            JsonObject paths = document.getAsJsonObject("paths");
            assertTrue(paths.has("/token/refresh/") && paths.has("/token/verify/") && paths.has("/jwks/"));
            JsonObject schemes = document.getAsJsonObject("components").getAsJsonObject("securitySchemes");
            assertEquals(List.of("Bearer", "JwtCookie", "Session", "CSRF"), new ArrayList<>(schemes.keySet()));
        }
    }

    @Test
    void theDocumentationPageIsServedFromTheJar() {
        try (TestServer server = TestServer.start()) {
            Http.Response page = server.http().get("/docs/");
            assertEquals(200, page.status());
            assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", ""));
            assertTrue(page.body().contains("data-schema=\"/rest-auth/schema/\""), page.body());
            assertTrue(page.body().contains("src=\"/rest-auth/docs/swagger-ui-bundle.js\""), page.body());
            assertTrue(!page.body().contains("http"), "no file from elsewhere: " + page.body());
            Http.Response bundle = server.http().get("/docs/swagger-ui-bundle.js");
            assertEquals(200, bundle.status());
            assertEquals("text/javascript;charset=utf-8", bundle.header("Content-Type").replace(" ", ""));
            assertTrue(bundle.body().length() > 100_000);
            assertEquals(200, server.http().get("/docs/swagger-ui.css").status());
            assertTrue(server.http().get("/docs/docs.js").body().contains("SwaggerUIBundle"));
            assertEquals("{\"detail\":\"Not found.\"}", server.http().get("/docs/index.html").body());
        }
    }
}
