package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * restauth's javax jar as the library of a javax application: the README's library-mode example, javax edition
 * ({@value #SOURCE}), compiled here against that jar, the Servlet 4.0 API and Jetty's ee8 environment, and run in a
 * class loader of its own that holds the application, the jar and the libraries the javax WAR carries, over a parent
 * that shows Jetty and the javax servlet API alone. Each test starts the application afresh, on a database of its
 * own.
 */
class JavaxLibraryIT {
    private static final String SOURCE = "src/test/javax-app/example/JavaxApplication.java";
    private static final String PASSWORD = "Tr0ub4dor&3x";

    @TempDir
    static Path directory;
    static URLClassLoader application;

    Deployment app;
    AutoCloseable running;
    Http http;

    @BeforeAll
    static void compileTheApplication() throws IOException {
        List<Path> libraries = javaxWarLibraries(Files.createDirectories(directory.resolve("lib")));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<Path> classPath = new ArrayList<>(List.of(Deployment.javaxJar()));
        classPath.addAll(libraries);
        classPath.addAll(jettyAndServletApi());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("--release", "17", "-proc:none",
                "-Xlint:all,-serial,-processing", "-d", classes.toString(), "-classpath", join(classPath)), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(SOURCE)).call();
        assertTrue(compiled, "the javax application does not compile against restauth's javax jar:\n" + diagnostics);

        List<URL> urls = new ArrayList<>(List.of(url(classes), url(Deployment.javaxJar())));
        for (Path library : libraries) {
            urls.add(url(library));
        }
        application = new URLClassLoader("javax-application", urls.toArray(URL[]::new),
                ContainerOnlyClassLoader.javax());
    }

    @AfterAll
    static void unload() throws IOException {
        if (application != null) {
            application.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        app = Deployment.withContainerDataSource(directory);
        // Started as a launcher starts an application in a class loader of its own: with that loader as the context
        // class loader, through which restauth, as libraries do, loads the classes its settings name.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            running = (AutoCloseable) application.loadClass("example.JavaxApplication")
                    .getConstructor(Path.class, DataSource.class)
                    .newInstance(Path.of(app.configFile()), app.database().dataSource());
        } finally {
            thread.setContextClassLoader(previous);
        }
        int port = (int) running.getClass().getMethod("port").invoke(running);
        http = new Http("http://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            app.close();
        }
    }

    @Test
    void theJavaxLibraryServesTheAccountFlowUnderTheApplicationsPrefixAsTheJakartaWarDoes() {
        JakartaReference.assertSameAnswers("the javax library in a javax application",
                WarScenario.run(app, new Http(http.base() + "/api/auth")));
    }

    @Test
    void theApplicationsJavaxServletSeesRestauthsUserOfATokenAndOfASession() {
        Http auth = new Http(http.base() + "/api/auth");
        assertEquals(201, auth.post("/registration/", "{\"username\":\"bob\",\"email\":\"bob@example.com\","
                + "\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}").status());
        assertEquals("200 {\"detail\":\"ok\"}", auth.post("/registration/verify-email/",
                "{\"key\":\"" + app.confirmationKey(1) + "\"}").toString());
        Http.Response login = auth.post("/login/", "{\"username\":\"bob\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, login.status(), login.toString());

        assertEquals("200 bob", http.get("/app/whoami", Http.token(login.json().get("key").getAsString()))
                .toString());
        assertEquals("200 bob", http.get("/app/whoami", "Cookie", "sessionid=" + login.cookie("sessionid"))
                .toString());
        assertEquals("200 anonymous", http.get("/app/whoami").toString());
        Http.Response badToken = http.get("/app/whoami", Http.token("0123456789abcdef0123456789abcdef01234567"));
        assertEquals("401 {\"detail\":\"Invalid token.\"}", badToken.toString());
        assertEquals("Token", badToken.header("WWW-Authenticate"));
    }

    /** The jars in the javax WAR's {@code WEB-INF/lib}: restauth's libraries, without any servlet API or server. */
    private static List<Path> javaxWarLibraries(Path into) throws IOException {
        List<Path> libraries = new ArrayList<>();
        try (ZipFile war = new ZipFile(Deployment.javaxWar().toFile())) {
            for (ZipEntry entry : war.stream().filter(entry -> entry.getName().startsWith("WEB-INF/lib/")
                    && entry.getName().endsWith(".jar")).toList()) {
                Path library = into.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                try (InputStream in = war.getInputStream(entry)) {
                    Files.copy(in, library);
                }
                libraries.add(library);
            }
        }
        return libraries;
    }

    /** Jetty's jars (its core and its ee8 environment) and the javax servlet API, from the test class path. */
    private static List<Path> jettyAndServletApi() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith("jetty-"))
                .filter(path -> !path.getFileName().toString().startsWith("jetty-ee10-"))
                .toList();
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toUri().toURL();
    }
}
