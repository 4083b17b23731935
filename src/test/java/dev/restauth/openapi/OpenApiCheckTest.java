package dev.restauth.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The check every test exchange goes through is real: an answer the document does not describe, and a served route
 * the document lacks, fail the test that meets them, naming what differs.
 */
class OpenApiCheckTest {
    /** Answers a field its own schema does not mention: the document then lies about login's answer. */
    public static final class LyingTokenSerializer implements TokenSerializer {
        @Override
        public JsonObject render(String key, User user) {
            JsonObject body = new JsonObject();
            body.addProperty("key", key);
            body.addProperty("user_id", user.id());
            return body;
        }

        @Override
        public JsonObject schema() {
            return Schema.object().field("key", Schema.string()).build();
        }
    }

    /** Shows a field its own schema does not mention. */
    public static final class LyingUserSerializer extends dev.restauth.serializer.DefaultUserDetailsSerializer {
        public LyingUserSerializer(dev.restauth.serializer.SerializerContext context) {
            super(context);
        }

        @Override
        public JsonObject render(User user) {
            JsonObject body = super.render(user);
            body.addProperty("is_staff", false);
            return body;
        }
    }

    @Test
    void aUserTheDocumentDoesNotDescribeFailsTheTest() throws Exception {
        Path file = Files.writeString(dir.resolve("serializers.properties"),
                "USER_DETAILS_SERIALIZER=" + LyingUserSerializer.class.getName() + "\n");
        try (TestServer server = TestServer.builder().setting("serializers_file", file.toString()).start()) {
            server.createUser("ann", "ann@example.com", "correct horse 1");
            String token = server.login("ann", "correct horse 1");
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> server.http().get("/user/", dev.restauth.testing.Http.token(token)));
            assertTrue(failure.getMessage().contains("validation.response.body.schema"), failure.getMessage());
        }
    }

    /** An endpoint that describes nothing. */
    static final class Undescribed extends ApiServlet {
        Undescribed() {
            super(Access.ANYONE, "GET");
        }

        @Override
        protected ApiResponse get(ApiRequest request) {
            return ApiResponse.ok(new JsonObject());
        }
    }

    @TempDir
    Path dir;

    @Test
    void anAnswerTheDocumentDoesNotDescribeFailsTheTest() throws Exception {
        Path file = Files.writeString(dir.resolve("serializers.properties"),
                "TOKEN_SERIALIZER=" + LyingTokenSerializer.class.getName() + "\n");
        try (TestServer server = TestServer.builder().setting("serializers_file", file.toString()).start()) {
            server.createUser("ann", "ann@example.com", "correct horse 1");
            AssertionError failure = assertThrows(AssertionError.class, () -> server.login("ann", "correct horse 1"));
            assertTrue(failure.getMessage().contains("the answer to POST /rest-auth/login/"), failure.getMessage());
            assertTrue(failure.getMessage().contains("validation.response.body.schema"), failure.getMessage());
        }
    }

    @Test
    void aServedRouteWithoutDescriptionFailsTheTestThatReachesItAndIsNamed() {
        try (TestServer server = TestServer.start()) {
            server.app().router().add("/undescribed/", new Undescribed());
            assertEquals(List.of("/undescribed/ (Undescribed gives no describe())"),
                    ApiDocument.undescribed(server.app().router().routes()));
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> server.http().get("/undescribed/"));
            assertTrue(failure.getMessage().contains("validation.request.path.missing"), failure.getMessage());
            assertEquals(404, server.http().get("/nowhere/").status(), "an unknown path is no route to describe");
        }
    }
}
