package dev.restauth.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadResultTest {
    @Test
    void slicesMergeIntoOneResult() {
        LoadResult first = new LoadResult(1_000, 5.0, 300, 2_000, 9_000, Map.of(200, 990L, 429, 10L), 1, 0, 2);
        LoadResult second = new LoadResult(1_500, 5.0, 200, 3_000, 7_000, Map.of(200, 1_500L), 0, 1, 0);
        LoadResult third = new LoadResult(500, 5.0, 400, 1_000, 4_000, Map.of(200, 499L, 503, 1L), 0, 0, 1);

        LoadResult merged = LoadResult.merge(List.of(first, second, third));

        assertEquals(3_000, merged.requests());
        assertEquals(15.0, merged.seconds());
        assertEquals(Map.of(200, 2_989L, 429, 10L, 503, 1L), merged.statuses());
        assertEquals(2_989 / 15.0, merged.successRate(), 1e-9);
        assertEquals(300, merged.p50Micros(), "the median of the slices' medians");
        assertEquals(2_000, merged.p99Micros(), "the median of the slices' 99th percentiles");
        assertEquals(9_000, merged.maxMicros());
        assertEquals(1, merged.socketErrors());
        assertEquals(1, merged.timeouts());
        assertEquals(3, merged.missingRetryAfter());
    }

    @Test
    void nothingToMergeIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> LoadResult.merge(List.of()));
    }
}
