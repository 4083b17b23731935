package dev.restauth.db;

import dev.restauth.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultDatabaseUrlTest {
    private static final Pattern DEFAULT = Pattern.compile(
            "jdbc:h2:file:(.+);DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=(\\d+)");

    @Test
    void withoutADatabaseUrlRestauthUsesAnH2FileInTheDataDirWithAQuarterOfTheHeapAsPageCache() {
        Path dir = Path.of("var", "data").toAbsolutePath();
        String url = Database.jdbcUrl(Settings.builder().set("data_dir", dir.toString()).build());

        Matcher parts = DEFAULT.matcher(url);
        assertTrue(parts.matches(), url);
        assertEquals(dir.resolve("restauth").toString(), parts.group(1));
        long expected = Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024);
        assertEquals(expected, Long.parseLong(parts.group(2)), "KiB of page cache");
    }

    @Test
    void aConfiguredUrlIsUsedAsItIs() {
        String url = "jdbc:postgresql://db.internal:5432/auth";
        assertEquals(url, Database.jdbcUrl(Settings.builder().set("database_url", url).build()));
    }
}
