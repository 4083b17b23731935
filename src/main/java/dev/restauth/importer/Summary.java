package dev.restauth.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do): per kind of row, how many were written, found already imported
 * and left out; and the Django tables it does not carry over, with their row counts.
 */
public final class Summary {
    private final Map<String, Count> counts;
    private final Map<String, Long> leftOut;
    private final List<String> conflicts;
    private final int conflictCount;
    private final boolean dryRun;

    Summary(Map<String, Count> counts, Map<String, Long> leftOut, List<String> conflicts, int conflictCount,
            boolean dryRun) {
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
        this.conflicts = List.copyOf(conflicts);
        this.conflictCount = conflictCount;
        this.dryRun = dryRun;
    }

    /** Rows of one kind: written now, already there, left out for a conflict, and keys DRF could not have made. */
    public static final class Count {
        long added;
        long unchanged;
        long skipped;
        long malformed;

        public long added() {
            return added;
        }

        public long unchanged() {
            return unchanged;
        }

        public long skipped() {
            return skipped;
        }

        public long malformed() {
            return malformed;
        }
    }

    /** By kind ("users", "e-mail addresses", "social accounts", "tokens"); a kind the source lacks is absent. */
    public Map<String, Count> counts() {
        return counts;
    }

    /** What was not imported, by description, with its row count; only non-empty tables. */
    public Map<String, Long> leftOut() {
        return leftOut;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The report printed at the end of the command. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(dryRun ? "Dry run: nothing was written. The import would bring:\n"
                : "Imported:\n");
        counts.forEach((kind, count) -> {
            text.append(String.format(Locale.ROOT, "  %-17s %,d new, %,d unchanged", kind, count.added,
                    count.unchanged));
            if (count.skipped > 0) {
                text.append(String.format(Locale.ROOT, ", %,d left out (their user is restauth's)", count.skipped));
            }
            if (count.malformed > 0) {
                text.append(String.format(Locale.ROOT, ", %,d left out (not a 40-hex DRF key)", count.malformed));
            }
            text.append('\n');
        });
        if (conflictCount > 0) {
            text.append("Left out, restauth's user kept (--merge skip):\n");
            conflicts.forEach(line -> text.append("  ").append(line).append('\n'));
            if (conflictCount > conflicts.size()) {
                text.append(String.format(Locale.ROOT, "  ... and %,d more%n", conflictCount - conflicts.size()));
            }
        }
        if (!leftOut.isEmpty()) {
            text.append("Not imported:\n");
            leftOut.forEach((what, rows) -> text.append(String.format(Locale.ROOT, "  %,d %s%n", rows, what)));
        }
        return text.toString();
    }
}
