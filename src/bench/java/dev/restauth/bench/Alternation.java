package dev.restauth.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures contenders side by side: each in turn for one slice, round after round, the first of each round moving
 * on by one. On a shared machine whose speed drifts by tens of percent within a minute (other tenants, caches,
 * frequency), figures taken one after the other compare the moments as much as the contenders; alternated slices
 * put every drift on all of them alike, so their ratio holds.
 */
final class Alternation {
    private Alternation() {
    }

    /**
     * @param contenders each measures itself for the duration it is given and keeps its result; by name, in order
     * @param slice      how long each turn lasts
     * @param total      how long each contender is measured in all, in turns of {@code slice} (at least one)
     */
    static void run(Map<String, Consumer<Duration>> contenders, Duration slice, Duration total) {
        List<Consumer<Duration>> turns = List.copyOf(contenders.values());
        long rounds = Math.max(1, total.toMillis() / slice.toMillis());
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < turns.size(); turn++) {
                turns.get((round + turn) % turns.size()).accept(slice);
            }
        }
    }
}
