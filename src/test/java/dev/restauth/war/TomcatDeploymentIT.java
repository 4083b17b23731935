package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.RestAuthListener;
import dev.restauth.testing.Http;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.descriptor.web.ContextResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * The built WAR, unmodified, in a real embedded Tomcat 11 on a free port, deployed twice: once with its database
 * named in the settings file, once on a DataSource the container binds in JNDI (Tomcat's own JDBC pool). Settings
 * reach each context the way a Tomcat administrator passes them: a {@code <Parameter override="false">}, which wins
 * over the empty {@code restauth.config} of the WAR's {@code web.xml}. Each answers the account flow byte for byte
 * as the reference deployment in Jetty ee10 does.
 */
class TomcatDeploymentIT {
    private static final String JNDI_NAME = "jdbc/restauth";

    @TempDir
    static Path directory;
    static Deployment byUrl;
    static Deployment byJndi;
    static Tomcat tomcat;

    @BeforeAll
    static void deploy() throws Exception {
        byUrl = Deployment.withDatabaseUrl(directory);
        byJndi = Deployment.withContainerDataSource(directory);
        tomcat = new Tomcat();
        tomcat.setBaseDir(directory.resolve("tomcat").toString());
        Files.createDirectories(directory.resolve("tomcat").resolve("webapps"));
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.enableNaming();
        // Only restauth's own servlet: embedded Tomcat's default JSP servlet would need Jasper.
        tomcat.setAddDefaultWebXmlToWebapp(false);

        Context url = addWebapp("/by-url", byUrl);
        Context jndi = addWebapp("/by-jndi", byJndi);
        jndi.addApplicationParameter(parameter(RestAuthListener.DATASOURCE_PARAMETER, "java:comp/env/" + JNDI_NAME));
        jndi.getNamingResources().addResource(pooledDataSource(byJndi));

        tomcat.start();
        assertEquals(LifecycleState.STARTED, url.getState(), "the by-url context did not start; see the log above");
        assertEquals(LifecycleState.STARTED, jndi.getState(), "the by-jndi context did not start; see the log above");
    }

    @AfterAll
    static void undeploy() throws LifecycleException {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            byUrl.close();
            byJndi.close();
        }
    }

    @Test
    void theWarServesTheAccountFlowOnTheDatabaseItsSettingsName() {
        JakartaReference.assertSameAnswers("Tomcat 11, by-url", WarScenario.run(byUrl, http("/by-url")));
    }

    @Test
    void theWarServesTheAccountFlowOnTheContainersJndiDataSource() {
        JakartaReference.assertSameAnswers("Tomcat 11, by-jndi", WarScenario.run(byJndi, http("/by-jndi")));
    }

    @Test
    void errorsTomcatRaisesInsideTheWarAreJson() {
        WarScenario.containerErrorsAreJson(new Http("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()
                + "/by-url"));
    }

    private static Context addWebapp(String path, Deployment deployment) {
        Context context = tomcat.addWebapp(path, Deployment.war().toString());
        context.setParentClassLoader(ContainerOnlyClassLoader.jakarta());
        context.addApplicationParameter(parameter(RestAuthListener.CONFIG_PARAMETER, deployment.configFile()));
        return context;
    }

    private static ApplicationParameter parameter(String name, String value) {
        ApplicationParameter parameter = new ApplicationParameter();
        parameter.setName(name);
        parameter.setValue(value);
        parameter.setOverride(false); // web.xml may not replace it
        return parameter;
    }

    /** What a {@code <Resource>} in context.xml declares: Tomcat's JDBC pool over the H2 driver the container has. */
    private static ContextResource pooledDataSource(Deployment deployment) {
        ContextResource resource = new ContextResource();
        resource.setName(JNDI_NAME);
        resource.setType(DataSource.class.getName());
        resource.setAuth("Container");
        resource.setProperty("factory", "org.apache.tomcat.jdbc.pool.DataSourceFactory");
        resource.setProperty("driverClassName", "org.h2.Driver");
        resource.setProperty("url", deployment.database().jdbcUrl());
        resource.setProperty("username", deployment.database().user());
        resource.setProperty("password", "");
        resource.setProperty("maxActive", "10");
        resource.setProperty("maxIdle", "10");
        return resource;
    }

    private static Http http(String contextPath) {
        return new Http("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + contextPath + "/rest-auth");
    }
}
