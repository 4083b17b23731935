package dev.restauth.war;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The jakarta WAR, unmodified, in a Jetty 12 ee10 {@code WebAppContext} (see {@link JettyWar}): a deployment of its
 * own, compared with the reference deployment of the same WAR in the same container, which shows that a transcript
 * holds nothing that changes from run to run.
 */
class JettyDeploymentIT {
    @TempDir
    static Path directory;
    static Deployment app;
    static JettyWar jetty;

    @BeforeAll
    static void deploy() throws Exception {
        app = Deployment.withDatabaseUrl(directory);
        jetty = JettyWar.ee10(Deployment.war(), directory, app.configFile());
    }

    @AfterAll
    static void undeploy() throws Exception {
        try {
            if (jetty != null) {
                jetty.close();
            }
        } finally {
            app.close();
        }
    }

    @Test
    void theWarServesTheAccountFlowAsEveryRunDoes() {
        JakartaReference.assertSameAnswers("a second Jetty ee10 deployment",
                WarScenario.run(app, jetty.http()));
    }
}
