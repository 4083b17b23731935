package dev.restauth.bench;

import dev.restauth.auth.crypto.Argon2Hasher;
import dev.restauth.config.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The physical limit of login and registration: argon2id hashes per second with restauth's hasher at the configured
 * parameters, one thread per hashing thread restauth would run (one per core by default), with nothing else on the
 * machine. Each login verifies one hash and each registration makes one, so neither can beat this.
 */
final class Argon2Bound {
    private final Argon2Hasher hasher;
    private final int threads;

    Argon2Bound(Settings settings) {
        hasher = new Argon2Hasher(settings.get(Settings.ARGON2_MEMORY_KIB), settings.get(Settings.ARGON2_ITERATIONS),
                settings.get(Settings.ARGON2_PARALLELISM));
        int configured = settings.get(Settings.HASHING_THREADS);
        threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        hasher.encode(Seeder.PASSWORD); // loads libargon2 before any clock starts
    }

    /** Hashes flat out on every hashing thread for {@code duration}. */
    Tally measure(Duration duration) {
        LongAdder hashes = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    hasher.encode(Seeder.PASSWORD);
                    hashes.increment();
                }
            }, "argon2-bound-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing", e);
            }
        }
        return new Tally(hashes.sum(), (System.nanoTime() - start) / 1e9);
    }

    /** Hashes made in some seconds; tallies of several slices add up. */
    record Tally(long hashes, double seconds) {
        static Tally sum(List<Tally> slices) {
            return new Tally(slices.stream().mapToLong(Tally::hashes).sum(),
                    slices.stream().mapToDouble(Tally::seconds).sum());
        }

        double perSecond() {
            return hashes / seconds;
        }
    }
}
