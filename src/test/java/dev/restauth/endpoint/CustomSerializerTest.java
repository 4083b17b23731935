package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;

import dev.restauth.account.CreateUser;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * dj-rest-auth's {@code USER_DETAILS_SERIALIZER} setting: a class of the project's own, named in the file the
 * {@code serializers_file} setting points to, changes what {@code /user/} shows, and nothing else.
 */
class CustomSerializerTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";

    @TempDir
    static Path directory;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path file = directory.resolve("serializers.properties");
        Files.writeString(file, "USER_DETAILS_SERIALIZER=" + StaffFlagUserDetailsSerializer.class.getName() + "\n",
                StandardCharsets.UTF_8);
        server = TestServer.builder().setting("serializers_file", file.toString()).start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getShowsTheFieldTheCustomSerializerAdds() {
        User user = server.createUser("alice", "alice@example.com", PASSWORD);
        String key = Wire.login(http, "alice", PASSWORD);
        assertAnswerWithoutCookies(http.get("/user/", Http.token(key)), 200, "{\"pk\":" + user.id()
                + ",\"username\":\"alice\",\"email\":\"alice@example.com\",\"first_name\":\"\",\"last_name\":\"\","
                + "\"is_staff\":false}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void aStaffUserIsShownAsStaff() {
        User user = server.app().useCases().createUser().run(new CreateUser.NewAccount("admin", "admin@example.com", PASSWORD,
                true, false, true));
        String key = Wire.login(http, "admin", PASSWORD);
        assertAnswerWithoutCookies(http.get("/user/", Http.token(key)), 200, "{\"pk\":" + user.id()
                + ",\"username\":\"admin\",\"email\":\"admin@example.com\",\"first_name\":\"\",\"last_name\":\"\","
                + "\"is_staff\":true}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void updatesAreValidatedAsBeforeAndAnsweredWithTheCustomShape() {
        User user = server.createUser("bob", "bob@example.com", PASSWORD);
        String key = Wire.login(http, "bob", PASSWORD);
        assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"Bob\", \"is_staff\": true}",
                Http.token(key)), 200, "{\"pk\":" + user.id() + ",\"username\":\"bob\",\"email\":\"bob@example.com\","
                + "\"first_name\":\"Bob\",\"last_name\":\"\",\"is_staff\":false}", VARY_ACCEPT, ALLOW_USER);
        assertAnswerWithoutCookies(http.patch("/user/", "{\"username\": \"bad user!\"}", Http.token(key)), 400,
                "{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, and "
                        + "@/./+/-/_ characters.\"]}", VARY_ACCEPT, ALLOW_USER);
    }
}
