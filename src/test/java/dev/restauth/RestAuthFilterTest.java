package dev.restauth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.account.CreateUser;
import dev.restauth.config.Settings;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.EnumSet;
import java.util.UUID;

/**
 * {@link RestAuthFilter} in front of an application servlet that reports what it sees of the user: a filter built in
 * code on {@code /open/*}, and one declared as {@code web.xml} would declare it (found through the context
 * attribute {@link RestAuthListener} sets, {@code require-user=true}) on {@code /members/*}.
 */
class RestAuthFilterTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";

    static RestAuth restAuth;
    static Server server;
    static Http http;
    static User alice;

    /** Answers {@code <remote user> <auth type> <principal's user id> <attribute's user id>}. */
    static final class WhoSeesWhat extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes(); // as an application reads its requests
            RestAuthFilter.UserPrincipal principal = (RestAuthFilter.UserPrincipal) request.getUserPrincipal();
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().print(request.getRemoteUser() + " " + request.getAuthType() + " "
                    + (principal == null ? null : principal.user().id()) + " "
                    + RestAuthFilter.user(request).map(User::id).orElse(null));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Settings.Builder settings = Settings.builder();
        TestServer.BASE.forEach(settings::set);
        settings.set("database_url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        restAuth = RestAuth.builder(settings.build()).build();
        alice = restAuth.useCases().createUser().run(new CreateUser.NewAccount("alice", "alice@example.com", PASSWORD, false,
                false, true));

        ServletContextHandler context = new ServletContextHandler("/");
        context.setAttribute(RestAuthListener.APP_ATTRIBUTE, restAuth); // what the listener does in a WAR
        context.addServlet(new ServletHolder(restAuth.servlet()), "/rest-auth/*");
        context.addServlet(new ServletHolder(new WhoSeesWhat()), "/open/*");
        context.addServlet(new ServletHolder(new WhoSeesWhat()), "/members/*");
        context.addFilter(new FilterHolder(RestAuthFilter.anonymousAllowed(restAuth)), "/open/*",
                EnumSet.of(DispatcherType.REQUEST));
        FilterHolder declared = new FilterHolder(RestAuthFilter.class);
        declared.setInitParameter(RestAuthFilter.REQUIRE_USER_PARAMETER, "true");
        context.addFilter(declared, "/members/*", EnumSet.of(DispatcherType.REQUEST));

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        http = new Http("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.stop();
        } finally {
            restAuth.close();
        }
    }

    @Test
    void aTokenMakesTheUserThePrincipalAndTheRequestAttribute() {
        assertEquals("200 alice Token " + alice.id() + " " + alice.id(),
                http.get("/open/", Http.token(loginKey())).toString());
    }

    @Test
    void aSessionCookieMakesTheUserThePrincipalAndTheRequestAttribute() {
        Http.Response login = login();
        assertEquals("200 alice Session " + alice.id() + " " + alice.id(),
                http.get("/open/", "Cookie", "sessionid=" + login.cookie("sessionid")).toString());
    }

    @Test
    void anUnsafeMethodWithASessionCookieNeedsItsCsrfToken() {
        Http.Response login = login();
        String cookies = "sessionid=" + login.cookie("sessionid") + "; csrftoken=" + login.cookie("csrftoken");
        assertEquals("403 {\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}",
                http.post("/open/", "{}", "Cookie", cookies).toString());
        assertEquals("200 alice Session " + alice.id() + " " + alice.id(),
                http.post("/open/", "{}", "Cookie", cookies, "X-CSRFToken", login.cookie("csrftoken")).toString());
    }

    @Test
    void anAnonymousRequestPassesWithoutAUser() {
        assertEquals("200 null null null null", http.get("/open/").toString());
    }

    @Test
    void aMalformedTokenHeaderIsRefusedWithRestauthsAnswer() {
        Http.Response response = http.get("/open/", "Authorization", "Token");
        assertEquals("401 {\"detail\":\"Invalid token header. No credentials provided.\"}", response.toString());
        assertEquals("Token", response.header("WWW-Authenticate"));
        assertEquals("application/json", response.header("Content-Type"));
    }

    @Test
    void aFilterThatRequiresAUserRefusesAnonymousRequests() {
        Http.Response response = http.get("/members/");
        assertEquals("401 {\"detail\":\"Authentication credentials were not provided.\"}", response.toString());
        assertEquals("Token", response.header("WWW-Authenticate"));
    }

    @Test
    void aFilterDeclaredInWebXmlFindsTheListenersRestauth() {
        assertEquals("200 alice Token " + alice.id() + " " + alice.id(),
                http.get("/members/", Http.token(loginKey())).toString());
    }

    /**
     * A refused request's body is read and dropped, so the connection carries the client's next request: the body of
     * a POST with an unknown token is sent only after the filter has had time to answer without it, then the next
     * request on the same connection. A container closes a connection whose body was left unread.
     */
    @Test
    void aRefusedRequestsBodyIsReadSoTheConnectionCarriesTheNextRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ((ServerConnector) server.getConnectors()[0]).getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /open/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token " + "0".repeat(40)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n").getBytes(US_ASCII));
            out.flush();
            Thread.sleep(300); // the body arrives after the headers, as it may from any client
            out.write(("{}GET /open/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(US_ASCII));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), UTF_8);
            assertTrue(answers.startsWith("HTTP/1.1 401 "), answers);
            assertTrue(answers.contains("{\"detail\":\"Invalid token.\"}HTTP/1.1 200 "), answers);
            assertTrue(answers.endsWith("null null null null"), answers);
        }
    }

    private static String loginKey() {
        return login().json().get("key").getAsString();
    }

    private static Http.Response login() {
        Http.Response response = http.post("/rest-auth/login/",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, response.status(), response.toString());
        return response;
    }
}
