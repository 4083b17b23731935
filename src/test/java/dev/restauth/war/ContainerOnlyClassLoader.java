package dev.restauth.war;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parent class loader a deployed web application gets in these tests: the JDK and the container's own packages,
 * nothing else of the test class path. The test JVM has restauth and all its libraries on its class path; without
 * this wall a class or resource the WAR forgot to carry would be found there, and a WAR that fails in a real
 * container would pass. The wall also hides the other servlet API: a jakarta container has no {@code javax.servlet},
 * a javax one no {@code jakarta.servlet}, so a variant that reached for the wrong one fails here as it would there.
 */
final class ContainerOnlyClassLoader extends ClassLoader {
    /**
     * The packages every container under test brings, in the slash form of resource names. None of restauth's
     * libraries lives in them (its {@code jakarta.mail} is not under {@code jakarta/servlet/}), so the WAR must carry
     * every one of those.
     */
    private static final List<String> SERVER_PACKAGES = List.of("org/apache/", "org/eclipse/jetty/");
    private static final String SERVICES = "META-INF/services/";

    private final ClassLoader testClassPath;
    private final List<String> containerPackages;

    private ContainerOnlyClassLoader(String name, List<String> servletApi) {
        super(name, ClassLoader.getPlatformClassLoader());
        this.testClassPath = ContainerOnlyClassLoader.class.getClassLoader();
        this.containerPackages = Stream.concat(SERVER_PACKAGES.stream(), servletApi.stream()).toList();
    }

    /** What a Servlet 6 container (Tomcat 10.1+/11, Jetty ee10) brings: the jakarta servlet and annotation APIs. */
    static ContainerOnlyClassLoader jakarta() {
        return new ContainerOnlyClassLoader("jakarta-container", List.of("jakarta/servlet/", "jakarta/annotation/"));
    }

    /** What a Servlet 4.0 container (Tomcat 9, Jetty ee8) brings: the javax servlet API. */
    static ContainerOnlyClassLoader javax() {
        return new ContainerOnlyClassLoader("javax-container", List.of("javax/servlet/"));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isContainer(name.replace('.', '/'))) {
            return testClassPath.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not the container's: the WAR must carry it");
    }

    @Override
    protected URL findResource(String name) {
        return isContainer(name) ? testClassPath.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isContainer(name) ? testClassPath.getResources(name) : Collections.emptyEnumeration();
    }

    /**
     * A class or resource of the container's packages, or a service declaration of an interface in them (Jetty
     * finds its own web application configurations that way, through the context class loader).
     */
    private boolean isContainer(String resourceName) {
        String name = resourceName.startsWith(SERVICES) ? resourceName.substring(SERVICES.length()).replace('.', '/')
                : resourceName;
        return containerPackages.stream().anyMatch(name::startsWith);
    }
}
