package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * What the built WARs and the javax library carry, and what they leave to the container: the jakarta WAR for
 * Servlet 6 containers, and the javax WAR and jar the build makes from the same sources for Servlet 4.0 ones.
 */
class WarContentsIT {
    private static final String CLASSES = "WEB-INF/classes/";
    /** The standalone server, its command line and demo page, built on Jetty ee10: the javax variant leaves them out. */
    private static final List<String> STANDALONE = List.of("dev/restauth/Main.class", "dev/restauth/Main$",
            "dev/restauth/RestAuthServer.class", "dev/restauth/RestAuthServer$", "dev/restauth/demo/");

    static Map<String, byte[]> war;
    static Map<String, byte[]> javaxWar;
    static Map<String, byte[]> javaxJar;

    @BeforeAll
    static void read() throws IOException {
        war = entries(Deployment.war());
        javaxWar = entries(Deployment.javaxWar());
        javaxJar = entries(Deployment.javaxJar());
    }

    @Test
    void bothWarsLeaveTheServletApisAndTheServerToTheContainer() {
        for (Map<String, byte[]> entries : List.of(war, javaxWar)) {
            List<String> containerJars = entries.keySet().stream()
                    .filter(name -> name.startsWith("WEB-INF/lib/"))
                    .filter(name -> name.contains("servlet") || name.contains("jetty") || name.contains("tomcat"))
                    .toList();
            assertEquals(List.of(), containerJars);
            assertTrue(entries.keySet().stream().noneMatch(name -> name.contains("jakarta/servlet/")
                    || name.contains("javax/servlet/")), "servlet API classes");
        }
    }

    @Test
    void bothWarsCarryRestauthsClassesMigrationsAndResources() {
        for (Map<String, byte[]> entries : List.of(war, javaxWar)) {
            for (String entry : List.of("WEB-INF/web.xml",
                    CLASSES + "dev/restauth/RestAuthListener.class",
                    CLASSES + "dev/restauth/RestAuthFilter.class",
                    CLASSES + "dev/restauth/http/FrontServlet.class",
                    CLASSES + "sql/migrations.list",
                    CLASSES + "sql/001-core.sql",
                    CLASSES + "dev/restauth/text/messages.properties",
                    CLASSES + "dev/restauth/serializer/serializers.properties",
                    CLASSES + "dev/restauth/password/common-passwords.txt.gz")) {
                assertTrue(entries.containsKey(entry), "a WAR lacks " + entry);
            }
        }
    }

    @Test
    void bothWarsCarryRestauthsLibrariesTheJdbcDriversAndALoggingBridgeToTheContainer() {
        for (Map<String, byte[]> entries : List.of(war, javaxWar)) {
            for (String library : List.of("gson-", "HikariCP-", "argon2-jvm-", "jna-", "h2-", "postgresql-",
                    "mariadb-java-client-", "angus-mail-", "jakarta.mail-api-", "slf4j-api-", "slf4j-jdk14-")) {
                assertTrue(entries.keySet().stream().anyMatch(name -> name.startsWith("WEB-INF/lib/" + library)),
                        "a WAR lacks " + library + "*.jar");
            }
        }
        assertEquals(libraries(war), libraries(javaxWar));
    }

    @Test
    void theJakartaClassesUseTheJakartaServletApiAlone() {
        Map<String, byte[]> classes = classes(war, CLASSES);
        assertEquals(Set.of(), referencing(classes, "javax/servlet/"));
        assertTrue(referencing(classes, "jakarta/servlet/").contains("dev/restauth/http/FrontServlet.class"));
    }

    @Test
    void theJavaxWarHoldsTheSameClassesButTheStandaloneServerOnTheJavaxServletApi() {
        Map<String, byte[]> classes = classes(javaxWar, CLASSES);
        Set<String> expected = classes(war, CLASSES).keySet().stream()
                .filter(name -> STANDALONE.stream().noneMatch(name::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(classes.keySet()));
        assertEquals(Set.of(), referencing(classes, "jakarta/servlet/"));
        assertTrue(referencing(classes, "javax/servlet/").contains("dev/restauth/http/FrontServlet.class"));
        // Only the servlet API is renamed: the mail code keeps the jakarta.mail of the angus-mail in WEB-INF/lib.
        assertTrue(referencing(classes, "jakarta/mail/").contains("dev/restauth/mail/SmtpTransport.class"));
    }

    @Test
    void theJavaxLibraryHoldsTheJavaxWarsClassesAndResources() {
        Map<String, byte[]> warContents = new LinkedHashMap<>();
        javaxWar.forEach((name, bytes) -> {
            if (name.startsWith(CLASSES) && !name.endsWith("/")) {
                warContents.put(name.substring(CLASSES.length()), bytes);
            }
        });
        Map<String, byte[]> jarContents = new LinkedHashMap<>(javaxJar);
        jarContents.keySet().removeIf(name -> name.endsWith("/") || name.startsWith("META-INF/"));
        assertEquals(new TreeSet<>(warContents.keySet()), new TreeSet<>(jarContents.keySet()));
        warContents.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, jarContents.get(name)),
                name + " differs between the javax WAR and the javax jar"));
    }

    @Test
    void theJavaxWebXmlIsTheTopLevelOneAsAServlet40Descriptor() throws Exception {
        String webXml = new String(javaxWar.get("WEB-INF/web.xml"), StandardCharsets.UTF_8);
        String topLevel = Files.readString(Path.of("web.xml"));
        assertEquals(topLevel
                .replace("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd",
                        "http://xmlns.jcp.org/xml/ns/javaee/web-app_4_0.xsd")
                .replace("https://jakarta.ee/xml/ns/jakartaee", "http://xmlns.jcp.org/xml/ns/javaee")
                .replace("version=\"6.0\"", "version=\"4.0\""), webXml);

        DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        Element root = parser.newDocumentBuilder().parse(new ByteArrayInputStream(javaxWar.get("WEB-INF/web.xml")))
                .getDocumentElement();
        assertEquals("http://xmlns.jcp.org/xml/ns/javaee web-app 4.0",
                root.getNamespaceURI() + " " + root.getLocalName() + " " + root.getAttribute("version"));
        servlet40Schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(webXml.getBytes(
                StandardCharsets.UTF_8))));
    }

    /**
     * The Servlet 4.0 schema of {@code web.xml}, from the copy the javax servlet API jar holds, its imports resolved
     * there too: nothing is fetched from the network.
     */
    private static Schema servlet40Schema() throws Exception {
        DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance()
                .getDOMImplementation("LS");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            URL schema = servletApiResource(systemId.substring(systemId.lastIndexOf('/') + 1));
            LSInput input = ls.createLSInput();
            input.setSystemId(schema.toString());
            try {
                input.setByteStream(schema.openStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return input;
        });
        URL webApp = servletApiResource("web-app_4_0.xsd");
        return factory.newSchema(new StreamSource(webApp.openStream(), webApp.toString()));
    }

    private static URL servletApiResource(String name) {
        URL resource = WarContentsIT.class.getClassLoader().getResource("javax/servlet/resources/" + name);
        assertNotNull(resource, "the javax servlet API jar lacks its schema " + name);
        return resource;
    }

    /** The names of the classes among {@code entries} that name something under {@code prefix} (slash form). */
    private static Set<String> referencing(Map<String, byte[]> classes, String prefix) {
        byte[] needle = prefix.getBytes(StandardCharsets.US_ASCII);
        return classes.entrySet().stream().filter(entry -> contains(entry.getValue(), needle))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The class files under {@code directory}, by name relative to it. */
    private static Map<String, byte[]> classes(Map<String, byte[]> entries, String directory) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(directory) && name.endsWith(".class")) {
                classes.put(name.substring(directory.length()), bytes);
            }
        });
        return classes;
    }

    private static Set<String> libraries(Map<String, byte[]> entries) {
        return entries.keySet().stream().filter(name -> name.startsWith("WEB-INF/lib/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every entry of an archive with its bytes, but for the jars inside, whose names are enough here. */
    private static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                entries.put(entry.getName(), entry.getName().endsWith(".jar") ? new byte[0]
                        : zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    private static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
