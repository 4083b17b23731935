package dev.restauth.war;

import dev.restauth.testing.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Tomcat 9 (Servlet 4.0), the distribution {@code mvn verify} unpacked from Maven Central into
 * {@code target/tomcat9}, run as an administrator runs it: {@code bin/catalina.sh run}, a process of its own, with a
 * {@code CATALINA_BASE} of its own in the test's directory. Its one connector listens on a free port of 127.0.0.1,
 * which Tomcat names in its log; it has no shutdown port, and stops, as on a service manager's SIGTERM, when the
 * test closes it. Web applications are WARs in {@code webapps/}, each with its context file in
 * {@code conf/Catalina/localhost/}, deployed at start.
 */
final class Tomcat9 implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Tomcat's name for a connector on a port it chose: {@code http-nio-127.0.0.1-auto-1-41235}. */
    private static final Pattern AUTO_PORT = Pattern.compile("\"http-nio-127\\.0\\.0\\.1-auto-\\d+-(\\d+)\"");
    private static final String STARTED = "Server startup in";
    private static final String SERVER_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Server port="-1" shutdown="SHUTDOWN">
              <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
              <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
              <Service name="Catalina">
                <Connector address="127.0.0.1" port="0" protocol="HTTP/1.1" connectionTimeout="20000"/>
                <Engine name="Catalina" defaultHost="localhost">
                  <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
                </Engine>
              </Service>
            </Server>
            """;

    private final Path base;
    private final Process process;
    private final int port;

    private Tomcat9(Path base, Process process, int port) {
        this.base = base;
        this.process = process;
        this.port = port;
    }

    /** The distribution {@code mvn verify} unpacked, as the failsafe plugin names it. */
    static Path home() {
        String home = System.getProperty("test.tomcat9.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "catalina.sh"))) {
            throw new IllegalStateException("no Tomcat 9 at test.tomcat9.home=" + home + ": run the *IT tests with"
                    + " mvn verify, which unpacks it into target/tomcat9 first");
        }
        return Path.of(home);
    }

    /**
     * Makes a {@code CATALINA_BASE} in {@code base} (the distribution's {@code conf/}, this class's
     * {@code server.xml}), puts each WAR of {@code webapps} into it with its context file, and starts Tomcat;
     * returns once Tomcat has deployed them and says it started.
     *
     * @param webapps context name (the WAR's file name, and the context path) to the WAR and its context file's XML
     * @param libraries jars for Tomcat's own {@code lib/}, such as a JDBC driver for a container DataSource
     */
    static Tomcat9 start(Path base, Map<String, Webapp> webapps, Path... libraries) throws IOException {
        Path home = home();
        for (String directory : new String[] {"conf/Catalina/localhost", "lib", "logs", "temp", "webapps", "work"}) {
            Files.createDirectories(base.resolve(directory));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Files.writeString(base.resolve("conf/server.xml"), SERVER_XML);
        for (Map.Entry<String, Webapp> webapp : webapps.entrySet()) {
            Files.copy(webapp.getValue().war(), base.resolve("webapps").resolve(webapp.getKey() + ".war"));
            Files.writeString(base.resolve("conf/Catalina/localhost").resolve(webapp.getKey() + ".xml"),
                    webapp.getValue().contextXml());
        }
        for (Path library : libraries) {
            Files.copy(library, base.resolve("lib").resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        ProcessBuilder catalina = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("logs/console.log").toFile());
        catalina.environment().put("CATALINA_HOME", home.toString());
        catalina.environment().put("CATALINA_BASE", base.toString());
        catalina.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A small heap and the quick compiler: a test's Tomcat serves a few requests, on a machine it shares.
        catalina.environment().put("CATALINA_OPTS", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        catalina.environment().remove("JAVA_OPTS");
        Process process = catalina.start();
        return new Tomcat9(base, process, awaitStart(base, process));
    }

    /** A WAR and the XML of its context file. */
    record Webapp(Path war, String contextXml) {
    }

    /** The base of restauth's endpoints in the web application deployed as {@code context}. */
    Http http(String context) {
        return new Http("http://127.0.0.1:" + port + "/" + context + "/rest-auth");
    }

    /** What Tomcat wrote to its console so far. */
    String log() {
        return console(base);
    }

    /** Stops Tomcat as a service manager does, with SIGTERM, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Waits for Tomcat's word that it started, and returns the port its connector took. */
    private static int awaitStart(Path base, Process process) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String log = console(base);
            if (log.contains(STARTED)) {
                Matcher port = AUTO_PORT.matcher(log);
                if (!port.find()) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Tomcat named no port in its log:\n" + log);
                }
                return Integer.parseInt(port.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat exited with " + process.exitValue() + ":\n" + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while Tomcat started", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Tomcat did not start within " + START_TIMEOUT + ":\n" + console(base));
    }

    private static String console(Path base) {
        try {
            return new String(Files.readAllBytes(base.resolve("logs/console.log")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
