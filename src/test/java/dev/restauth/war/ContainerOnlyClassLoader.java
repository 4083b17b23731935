package dev.restauth.war;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent class loader a deployed web application gets in these tests: the JDK and the container's own packages,
 * nothing else of the test class path. The test JVM has restauth and all its libraries on its class path; without
 * this wall a class or resource the WAR forgot to carry would be found there, and a WAR that fails in a real
 * container would pass.
 */
final class ContainerOnlyClassLoader extends ClassLoader {
    /**
     * The packages the servlet containers under test bring, in the slash form of resource names. None of
     * restauth's libraries lives in them (its {@code jakarta.mail} is not under {@code jakarta/servlet/}), so the WAR
     * must carry every one of those.
     */
    private static final List<String> CONTAINER_PACKAGES = List.of(
            "jakarta/servlet/", "jakarta/annotation/", "org/apache/", "org/eclipse/jetty/");

    private final ClassLoader testClassPath;

    ContainerOnlyClassLoader() {
        super("container-only", ClassLoader.getPlatformClassLoader());
        this.testClassPath = ContainerOnlyClassLoader.class.getClassLoader();
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

    private static boolean isContainer(String resourceName) {
        return CONTAINER_PACKAGES.stream().anyMatch(resourceName::startsWith);
    }
}
