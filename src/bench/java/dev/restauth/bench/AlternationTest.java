package dev.restauth.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlternationTest {
    @Test
    void everyContenderGetsItsTurnsAndEachRoundStartsWithTheNextOne() {
        List<String> turns = new ArrayList<>();
        Map<String, Consumer<Duration>> contenders = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            contenders.put(name, slice -> turns.add(name + slice.toSeconds()));
        }

        Alternation.run(contenders, Duration.ofSeconds(5), Duration.ofSeconds(15));

        assertEquals(List.of("a5", "b5", "c5", "b5", "c5", "a5", "c5", "a5", "b5"), turns);
    }

    @Test
    void aTotalShorterThanASliceStillMeasuresEachContenderOnce() {
        List<String> turns = new ArrayList<>();
        Map<String, Consumer<Duration>> contenders = new LinkedHashMap<>();
        contenders.put("bound", slice -> turns.add("bound"));
        contenders.put("login", slice -> turns.add("login"));

        Alternation.run(contenders, Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertEquals(List.of("bound", "login"), turns);
    }
}
