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

        assertEquals("jdbc:h2:file:" + dir.resolve("restauth") + ";DB_CLOSE_ON_EXIT=FALSE", url);
    }

    @Test
    void aConfiguredUrlIsUsedAsItIs() {
        String url = "jdbc:postgresql://db.internal:5432/auth";
        assertEquals(url, Database.jdbcUrl(Settings.builder().set("database_url", url).build()));
    }
}
