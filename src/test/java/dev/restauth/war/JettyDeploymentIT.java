package dev.restauth.war;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Both WARs, unmodified, in Jetty 12 {@code WebAppContext}s (see {@link JettyWar}), each on a database of its own:
 * the jakarta WAR in the ee10 environment, compared with the reference deployment of the same WAR in the same
 * container, which shows that a transcript holds nothing that changes from run to run; and the javax WAR in the ee8
 * environment (Servlet 4.0), behind a wall that lets it see {@code javax.servlet} and no {@code jakarta.servlet}.
 */
class JettyDeploymentIT {
    @TempDir
    static Path directory;
    static Deployment jakartaApp;
    static Deployment javaxApp;
    static JettyWar ee10;
    static JettyWar ee8;

    @BeforeAll
    static void deploy() throws Exception {
        jakartaApp = Deployment.withDatabaseUrl(directory);
        javaxApp = Deployment.withDatabaseUrl(directory);
        ee10 = JettyWar.ee10(Deployment.war(), directory.resolve("ee10"), jakartaApp.configFile());
        ee8 = JettyWar.ee8(Deployment.javaxWar(), directory.resolve("ee8"), javaxApp.configFile());
    }

    @AfterAll
    static void undeploy() throws Exception {
        try (Deployment jakarta = jakartaApp; Deployment javax = javaxApp; JettyWar jakartaJetty = ee10;
             JettyWar javaxJetty = ee8) {
            // try-with-resources stops both servers, then closes both deployments, also when one of them fails
        }
    }

    @Test
    void theJakartaWarServesTheAccountFlowInEe10AsEveryRunDoes() {
        JakartaReference.assertSameAnswers("a second Jetty ee10 deployment", WarScenario.run(jakartaApp, ee10.http()));
    }

    @Test
    void theJavaxWarServesTheAccountFlowInEe8AsTheJakartaWarDoes() {
        JakartaReference.assertSameAnswers("the javax WAR in Jetty ee8", WarScenario.run(javaxApp, ee8.http()));
    }

    @Test
    void errorsJettyRaisesInsideEitherWarAreJson() {
        WarScenario.containerErrorsAreJson(ee10.contextRoot());
        WarScenario.containerErrorsAreJson(ee8.contextRoot());
    }
}
