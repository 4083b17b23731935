package dev.restauth.db;

import dev.restauth.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultDatabaseUrlTest {
    @Test
    void withoutADatabaseUrlRestauthUsesAnH2FileInTheDataDir() {
        Path dir = Path.of("var", "data").toAbsolutePath();
        String url = Database.jdbcUrl(Settings.builder().set("data_dir", dir.toString()).build());

        assertEquals("jdbc:h2:file:" + dir.resolve("restauth") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", url);
    }

    @Test
    void anH2FileOrServerUrlGetsDurableCommitsUnlessItSetsItsOwnWriteDelay() {
        assertEquals("jdbc:h2:file:/srv/auth;WRITE_DELAY=0", url("jdbc:h2:file:/srv/auth"));
        assertEquals("jdbc:h2:tcp://db:9092/auth;MODE=Regular;WRITE_DELAY=0",
                url("jdbc:h2:tcp://db:9092/auth;MODE=Regular"));
        assertEquals("jdbc:h2:file:/srv/auth;write_delay=200", url("jdbc:h2:file:/srv/auth;write_delay=200"));
    }

    @Test
    void inMemoryH2UrlsAreLeftAsTheyAre() {
        assertEquals("jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1", url("jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:h2:tcp://127.0.0.1:9092/mem:auth", url("jdbc:h2:tcp://127.0.0.1:9092/mem:auth"));
    }

    private static String url(String configured) {
        return Database.jdbcUrl(Settings.builder().set("database_url", configured).build());
    }

    @Test
    void aConfiguredUrlIsUsedAsItIs() {
        String url = "jdbc:postgresql://db.internal:5432/auth";
        assertEquals(url, Database.jdbcUrl(Settings.builder().set("database_url", url).build()));
    }
}
