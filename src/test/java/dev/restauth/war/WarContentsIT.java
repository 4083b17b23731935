package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What the built WAR carries, and what it leaves to the container. */
class WarContentsIT {
    static List<String> entries;

    @BeforeAll
    static void read() throws IOException {
        try (ZipFile war = new ZipFile(Deployment.war().toFile())) {
            entries = war.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void itLeavesTheServletApiAndJettyToTheContainer() {
        List<String> containerJars = entries.stream()
                .filter(name -> name.startsWith("WEB-INF/lib/"))
                .filter(name -> name.contains("servlet") || name.contains("jetty") || name.contains("tomcat"))
                .toList();
        assertEquals(List.of(), containerJars);
        assertTrue(entries.stream().noneMatch(name -> name.contains("jakarta/servlet/")), "servlet API classes");
    }

    @Test
    void itCarriesRestauthsClassesMigrationsAndResources() {
        for (String entry : List.of("WEB-INF/web.xml",
                "WEB-INF/classes/dev/restauth/RestAuthListener.class",
                "WEB-INF/classes/dev/restauth/RestAuthFilter.class",
                "WEB-INF/classes/dev/restauth/http/FrontServlet.class",
                "WEB-INF/classes/sql/migrations.list",
                "WEB-INF/classes/sql/001-core.sql",
                "WEB-INF/classes/dev/restauth/text/messages.properties",
                "WEB-INF/classes/dev/restauth/serializer/serializers.properties",
                "WEB-INF/classes/dev/restauth/password/common-passwords.txt.gz")) {
            assertTrue(entries.contains(entry), "the WAR lacks " + entry);
        }
    }

    @Test
    void itCarriesRestauthsLibrariesTheJdbcDriversAndALoggingBridgeToTheContainer() {
        for (String library : List.of("gson-", "HikariCP-", "argon2-jvm-", "jna-", "h2-", "postgresql-",
                "mariadb-java-client-", "angus-mail-", "slf4j-api-", "slf4j-jdk14-")) {
            assertTrue(entries.stream().anyMatch(name -> name.startsWith("WEB-INF/lib/" + library)),
                    "the WAR lacks " + library + "*.jar");
        }
    }
}
