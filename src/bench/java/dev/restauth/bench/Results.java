package dev.restauth.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of all runs: each a named series of one value per run, summarised as the median and the range. A
 * figure whose runs differ by more than {@link #NOISY} of its median is marked noisy: its verdict stands on
 * shaky ground. Not thread-safe.
 */
final class Results {
    static final double NOISY = 0.10;

    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    void add(String name, double value) {
        series.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    List<Double> values(String name) {
        List<Double> values = series.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no figure " + name);
        }
        return values;
    }

    double median(String name) {
        List<Double> sorted = values(name).stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A table row for series {@code name}: its median (with the medians of {@code details} beside it). */
    Table.Row row(String figure, String name, Unit unit, Target target, Detail... details) {
        List<Double> values = values(name);
        double median = median(name);
        StringBuilder value = new StringBuilder(unit.format(median));
        for (Detail detail : details) {
            value.append(" · ").append(detail.label()).append(' ').append(detail.unit().format(median(detail.name())));
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String range = values.size() < 2 ? "(1 run)" : unit.format(min) + " – " + unit.format(max);
        boolean noisy = values.size() > 1 && target.kind() != Target.Kind.NONE && median != 0
                && (max - min) / Math.abs(median) > NOISY;
        return new Table.Row(figure, value.toString(), range, target.text(unit), target.verdict(median, max),
                noisy ? String.format("noisy (runs differ by %.0f%%)", 100 * (max - min) / Math.abs(median)) : "");
    }

    /** The median of another series, shown beside a row's value ({@code p50 1.2 ms}). */
    record Detail(String label, String name, Unit unit) {
    }

    /** How a figure's numbers are written. */
    enum Unit {
        PER_SECOND("/s"), REQUESTS("req/s"), HASHES("hashes/s"), MILLIS("ms"), MIB("MiB"), PERCENT("%"), RATIO(""),
        COUNT("");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        String format(double value) {
            String number = switch (this) {
                case RATIO -> String.format("%.3f", value);
                case PERCENT -> String.format("%+.1f", value);
                case MILLIS -> value < 10 ? String.format("%.2f", value) : String.format("%,.0f", value);
                case PER_SECOND, HASHES -> value < 100 ? String.format("%.1f", value) : String.format("%,.0f", value);
                default -> String.format("%,.0f", value);
            };
            return suffix.isEmpty() || this == PERCENT ? number + suffix : number + " " + suffix;
        }
    }

    /** What a figure must reach; judged on the median, except "none", which no run may break. */
    record Target(Kind kind, double bound) {
        enum Kind {
            AT_LEAST, AT_MOST, NONE, REFERENCE
        }

        static Target atLeast(double bound) {
            return new Target(Kind.AT_LEAST, bound);
        }

        static Target atMost(double bound) {
            return new Target(Kind.AT_MOST, bound);
        }

        static Target none() {
            return new Target(Kind.NONE, 0);
        }

        static Target reference() {
            return new Target(Kind.REFERENCE, 0);
        }

        String text(Unit unit) {
            return switch (kind) {
                case AT_LEAST -> "≥ " + unit.format(bound);
                case AT_MOST -> "≤ " + unit.format(bound);
                case NONE -> "0 in every run";
                case REFERENCE -> "";
            };
        }

        String verdict(double median, double max) {
            return switch (kind) {
                case AT_LEAST -> median >= bound ? "✓" : "✗";
                case AT_MOST -> median <= bound ? "✓" : "✗";
                case NONE -> max == 0 ? "✓" : "✗";
                case REFERENCE -> "";
            };
        }
    }
}
