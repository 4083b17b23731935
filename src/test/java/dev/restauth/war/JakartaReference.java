package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The jakarta build's answers, which every deployment must give byte for byte: the {@link Transcript} of
 * {@link WarScenario} against {@code target/restauth.war} in Jetty's ee10 environment, recorded once per test JVM
 * (the first test that asks records it) on a database of its own.
 */
final class JakartaReference {
    private static String transcript;
    private static Throwable failure;

    private JakartaReference() {
    }

    /**
     * Asserts that {@code deployment} answered the scenario exactly as the jakarta WAR in Jetty ee10 did.
     *
     * @param deployment names it in the failure message
     */
    static void assertSameAnswers(String deployment, Transcript actual) {
        assertEquals(transcript(), actual.toString(),
                deployment + " answered otherwise than the jakarta WAR in Jetty ee10");
    }

    private static synchronized String transcript() {
        if (transcript == null && failure == null) {
            try {
                transcript = record().toString();
            } catch (Exception | AssertionError e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new AssertionError("the jakarta WAR's own run in Jetty ee10 failed: nothing to compare with",
                    failure);
        }
        return transcript;
    }

    private static Transcript record() throws Exception {
        Path directory = Files.createTempDirectory("restauth-reference");
        try (Deployment app = Deployment.withDatabaseUrl(directory);
             JettyWar jetty = JettyWar.ee10(Deployment.war(), directory, app.configFile())) {
            return WarScenario.run(app, jetty.http());
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
