package dev.restauth.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default database, an H2 file, on a disk that fills up: a write that did not reach the file is not
 * acknowledged, requests meanwhile get 503 (never 500), the server takes writes again by itself once space is back,
 * and the file opens afterwards with every acknowledged write in it.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheWritesItRefusesAndTheServerRecoversWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 16)) {
            DiskFullEpisode.Result result = DiskFullEpisode.run(disk,
                    "jdbc:h2:file:" + disk.path().resolve("data/restauth") + ";DB_CLOSE_ON_EXIT=FALSE", "");

            assertTrue(result.refused() > 0, "the full disk refused writes: " + result);
            assertEquals(Set.of("201", "503"), result.answers(), "every answer a 201 or a 503");
            assertTrue(result.recovered(), "writes are taken again once space is back: " + result);
            assertEquals(List.of(), result.lost(), "acknowledged sign-ups lost, of " + result.acknowledged());
        }
    }
}
