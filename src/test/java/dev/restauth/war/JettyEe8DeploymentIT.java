package dev.restauth.war;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The javax WAR, unmodified, in Jetty 12's ee8 environment (Servlet 4.0, {@code javax.servlet}), behind a wall that
 * lets it see {@code javax.servlet} and no {@code jakarta.servlet} (see {@link JettyWar}): it answers the account
 * flow byte for byte as the jakarta WAR does.
 */
class JettyEe8DeploymentIT {
    @TempDir
    static Path directory;
    static Deployment app;
    static JettyWar jetty;

    @BeforeAll
    static void deploy() throws Exception {
        app = Deployment.withDatabaseUrl(directory);
        jetty = JettyWar.ee8(Deployment.javaxWar(), directory, app.configFile());
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
    void theJavaxWarServesTheAccountFlowAsTheJakartaWarDoes() {
        JakartaReference.assertSameAnswers("the javax WAR in Jetty ee8", WarScenario.run(app, jetty.http()));
    }
}
