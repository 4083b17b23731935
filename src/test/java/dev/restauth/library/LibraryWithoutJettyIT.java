package dev.restauth.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's library-mode dependency exclusions hold: with restauth's jar and its runtime dependencies less
 * {@code jetty-ee10-servlet} (all of Jetty, and the servlet API the application's container provides),
 * {@code slf4j-jdk14} and the PostgreSQL and MariaDB drivers, an application in another container (Tomcat)
 * builds restauth on its own DataSource, serves its endpoints and puts its filter in front of its own servlets.
 *
 * <p>Runs after {@code package}: the class path is restauth's classes and the jars Maven copied to {@code target/lib},
 * behind a parent class loader that offers only the JDK, the servlet API and Tomcat.
 */
class LibraryWithoutJettyIT {
    /** The jars in target/lib the README's exclusions remove; the servlet API comes from the container instead. */
    private static final List<String> EXCLUDED = List.of("jetty-", "slf4j-jdk14-", "jakarta.servlet-api-",
            "postgresql-", "mariadb-java-client-", "checker-qual-");
    private static final List<String> CONTAINER_PACKAGES = List.of("jakarta/servlet/", "org/apache/catalina/",
            "org/apache/coyote/", "org/apache/tomcat/", "org/apache/juli/", "org/apache/naming/");

    @TempDir
    Path baseDir;

    @Test
    void anApplicationInTomcatUsesRestauthWithoutJettyOrTheUnusedDrivers() throws Exception {
        try (URLClassLoader application = new URLClassLoader("application", classPath(),
                new ContainerOnly(LibraryWithoutJettyIT.class.getClassLoader()))) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.eclipse.jetty.server.Server", false, application));
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.postgresql.Driver", false,
                    application));
            Class<?> tomcatApplication = Class.forName(TomcatApplication.class.getName(), true, application);
            assertTrue(tomcatApplication.getClassLoader() == application, "loaded apart from the test class path");
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(application);
            try {
                Object answer = tomcatApplication.getMethod("run", String.class).invoke(null, baseDir.toString());
                assertEquals("200 alice", answer);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    /**
     * restauth's classes, its libraries less the excluded ones, and this package's application class. The classes
     * directory stands for the jar, whose manifest's {@code Class-Path} (there for {@code java -jar}) would bring
     * every jar of {@code target/lib} back.
     */
    private static URL[] classPath() throws IOException {
        Path target = Path.of("target");
        List<URL> urls = new ArrayList<>();
        urls.add(target.resolve("classes").toUri().toURL());
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (EXCLUDED.stream().noneMatch(name::startsWith)) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        urls.add(target.resolve("test-classes").toUri().toURL());
        return urls.toArray(URL[]::new);
    }

    /** The JDK plus what a servlet container brings: the servlet API and Tomcat itself. */
    private static final class ContainerOnly extends ClassLoader {
        private final ClassLoader testClassPath;

        ContainerOnly(ClassLoader testClassPath) {
            super("container-only", ClassLoader.getPlatformClassLoader());
            this.testClassPath = testClassPath;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/');
            if (CONTAINER_PACKAGES.stream().anyMatch(path::startsWith)) {
                return testClassPath.loadClass(name);
            }
            throw new ClassNotFoundException(name + " is not the container's");
        }

        @Override
        protected URL findResource(String name) {
            return CONTAINER_PACKAGES.stream().anyMatch(name::startsWith) ? testClassPath.getResource(name) : null;
        }
    }
}
