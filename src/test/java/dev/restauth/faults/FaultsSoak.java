package dev.restauth.faults;

import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestDatabase.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code make faults}: the longer fault runs, not part of {@code make test}. Repeated kill -9 cycles under load on
 * H2, PostgreSQL and MariaDB (each on one database, so every cycle restarts on what the earlier ones left) and
 * repeated full-disk episodes on one H2 file, reported as a table on stdout and in {@code target/faults.md}. Fails
 * when anything acknowledged was lost or a full disk was answered other than 201 or 503.
 *
 * <p>{@code -Dfaults.cycles=N} (default 10) and {@code -Dfaults.episodes=N} (default 5) set the counts.
 */
class FaultsSoak {
    @TempDir
    Path dir;

    @Test
    void repeatedKillsAndFullDisks() throws Exception {
        int cycles = Integer.getInteger("faults.cycles", 10);
        int episodes = Integer.getInteger("faults.episodes", 5);
        List<String> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        rows.add("| fault | database | runs | acknowledged writes | lost | other answers |");
        rows.add("| --- | --- | ---: | ---: | ---: | --- |");

        for (Kind kind : cycles == 0 ? List.<Kind>of() : List.of(Kind.H2, Kind.POSTGRESQL, Kind.MARIADB)) {
            Map<String, String> settings = new LinkedHashMap<>(Map.of("email_verification", "none"));
            TestDatabase database;
            try {
                database = kind == Kind.H2 ? null : TestDatabase.create(kind);
            } catch (TestAbortedException unreachable) {
                rows.add("| kill -9 under load | " + kind + " | skipped: not reachable | | | |");
                continue;
            }
            try (database) {
                if (database != null) {
                    settings.put("database_url", database.jdbcUrl());
                    settings.put("database_user", database.user());
                }
                Path config = ChildServer.config(Files.createDirectories(dir.resolve(kind.name())), settings);
                int acknowledged = 0;
                List<String> lost = new ArrayList<>();
                for (int cycle = 0; cycle < cycles; cycle++) {
                    // 1 to 3 s of load, so the kill falls at different points of the writes
                    KillCycle.Result result = KillCycle.run(config, "c" + cycle, 4, 2, 1_000 + 250L * (cycle % 9));
                    acknowledged += result.signUps() + result.passwordChanges();
                    lost.addAll(result.lost());
                }
                rows.add("| kill -9 under load | " + kind + " | " + cycles + " | " + acknowledged + " | "
                        + lost.size() + " | |");
                if (!lost.isEmpty()) {
                    problems.add(kind + ": lost " + lost);
                }
            }
        }

        try (SmallDisk disk = episodes == 0 ? null : SmallDisk.mount(dir.resolve("disk"), 16)) {
            if (disk == null) {
                throw new TestAbortedException("no episodes asked for");
            }
            String url = "jdbc:h2:file:" + disk.path().resolve("data/restauth") + ";DB_CLOSE_ON_EXIT=FALSE";
            int acknowledged = 0;
            int refused = 0;
            int recovered = 0;
            List<String> lost = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (int episode = 0; episode < episodes; episode++) {
                DiskFullEpisode.Result result = DiskFullEpisode.run(disk, url, "e" + episode);
                acknowledged += result.acknowledged();
                refused += result.refused();
                recovered += result.recovered() ? 1 : 0;
                lost.addAll(result.lost());
                result.answers().stream().filter(a -> !Set.of("201", "503").contains(a)).forEach(others::add);
            }
            rows.add("| full disk, then space back | H2 file | " + episodes + " | " + acknowledged + " | "
                    + lost.size() + " | " + refused + " refused with 503; recovered " + recovered + " of " + episodes
                    + (others.isEmpty() ? "" : "; " + others) + " |");
            if (!lost.isEmpty() || !others.isEmpty() || recovered != episodes) {
                problems.add("full disk: lost " + lost + ", other answers " + others + ", recovered " + recovered);
            }
        } catch (TestAbortedException notHere) {
            rows.add("| full disk, then space back | H2 file | skipped: " + notHere.getMessage() + " | | | |");
        }

        String table = String.join("\n", rows) + "\n";
        System.out.println("\n" + table);
        Files.writeString(Path.of("target", "faults.md"), table);
        assertEquals(List.of(), problems);
    }
}
