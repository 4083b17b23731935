package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.restauth.RestAuthListener;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The javax WAR, unmodified, in a real Tomcat 9 (Servlet 4.0) running as a process of its own (see {@link Tomcat9}),
 * deployed twice as a Tomcat administrator deploys it: as {@code webapps/restauth.war}, its database named in its
 * settings file, and as {@code webapps/by-jndi.war}, on a DataSource Tomcat binds in JNDI (Tomcat's JDBC pool over
 * the H2 driver in Tomcat's {@code lib/}). Settings reach each through its context file,
 * {@code conf/Catalina/localhost/<name>.xml}, whose {@code <Parameter override="false">} wins over the empty
 * {@code restauth.config} of the WAR's {@code web.xml}. Both answer the account flow byte for byte as the jakarta
 * WAR does.
 */
class Tomcat9DeploymentIT {
    private static final String JNDI_NAME = "jdbc/restauth";

    @TempDir
    static Path directory;
    static Deployment byUrl;
    static Deployment byJndi;
    static Tomcat9 tomcat;

    @BeforeAll
    static void start() throws Exception {
        byUrl = Deployment.withDatabaseUrl(directory);
        byJndi = Deployment.withContainerDataSource(directory);
        tomcat = Tomcat9.start(directory.resolve("tomcat9"), Map.of(
                "restauth", new Tomcat9.Webapp(Deployment.javaxWar(), context(byUrl, "")),
                "by-jndi", new Tomcat9.Webapp(Deployment.javaxWar(), context(byJndi, jndi(byJndi)))),
                h2Driver());
        assertFalse(tomcat.log().contains("SEVERE"), "Tomcat reported errors:\n" + tomcat.log());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (tomcat != null) {
                tomcat.close();
            }
        } finally {
            byUrl.close();
            byJndi.close();
        }
    }

    @Test
    void theJavaxWarServesTheAccountFlowOnTheDatabaseItsSettingsName() {
        JakartaReference.assertSameAnswers("the javax WAR in Tomcat 9, database_url",
                WarScenario.run(byUrl, tomcat.http("restauth")));
    }

    @Test
    void theJavaxWarServesTheAccountFlowOnTheContainersJndiDataSource() {
        JakartaReference.assertSameAnswers("the javax WAR in Tomcat 9, JNDI DataSource",
                WarScenario.run(byJndi, tomcat.http("by-jndi")));
    }

    /** A context file naming the deployment's settings file, with {@code more} inside. */
    private static String context(Deployment deployment, String more) {
        return "<Context>\n"
                + "  <Parameter name=\"" + RestAuthListener.CONFIG_PARAMETER + "\" value=\""
                + Xml.escape(deployment.configFile()) + "\" override=\"false\"/>\n"
                + more
                + "</Context>\n";
    }

    /** What the README's Tomcat example declares: Tomcat's JDBC pool, named to restauth by a parameter. */
    private static String jndi(Deployment deployment) {
        return "  <Parameter name=\"" + RestAuthListener.DATASOURCE_PARAMETER + "\" value=\"java:comp/env/"
                + JNDI_NAME + "\" override=\"false\"/>\n"
                + "  <Resource name=\"" + JNDI_NAME + "\" auth=\"Container\" type=\"javax.sql.DataSource\"\n"
                + "            factory=\"org.apache.tomcat.jdbc.pool.DataSourceFactory\"\n"
                + "            driverClassName=\"org.h2.Driver\" url=\"" + Xml.escape(deployment.database().jdbcUrl())
                + "\"\n"
                + "            username=\"" + Xml.escape(deployment.database().user()) + "\" password=\"\""
                + " maxActive=\"10\" maxIdle=\"10\"/>\n";
    }

    /** The H2 driver's jar, for Tomcat's {@code lib/}: a container DataSource takes its driver from there. */
    private static Path h2Driver() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
