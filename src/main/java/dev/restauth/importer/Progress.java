package dev.restauth.importer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of an import, one table at a time. On a terminal: one line rewritten in place with rows done, rows per
 * second and the time left, at most five times a second. Elsewhere (a log): a line at each tenth of a table of
 * {@value #LOGGED_TABLE_ROWS} rows or more, so small imports stay quiet. Not thread-safe: one import's thread.
 */
public final class Progress {
    /** Tables at least this long get progress lines in a log. */
    static final long LOGGED_TABLE_ROWS = 10_000;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private String table;
    private long total;
    private long done;
    private long started;
    private long drawn;
    private long nextTenth;

    /**
     * @param out      where the lines go
     * @param terminal true when {@code out} is a terminal a line can be redrawn on
     */
    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress that shows nothing. */
    public static Progress silent() {
        return new Progress(null, false);
    }

    /** A table starts; {@code total} is its row count, or a negative number when unknown. */
    void begin(String name, long rows) {
        table = name;
        total = rows;
        done = 0;
        started = System.nanoTime();
        drawn = 0;
        nextTenth = 1;
    }

    void advance(long rows) {
        done += rows;
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (now - drawn >= REDRAW_NANOS) {
                drawn = now;
                out.print("\r" + line(now) + "   ");
                out.flush();
            }
        } else if (total >= LOGGED_TABLE_ROWS && done * 10 >= nextTenth * total) {
            nextTenth = done * 10 / total + 1;
            out.println(line(now));
            out.flush();
        }
    }

    /** The table is done. */
    void end() {
        if (out != null && terminal && drawn != 0) {
            out.print("\r" + line(System.nanoTime()) + "   \n");
            out.flush();
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-17s %,d", table, done));
        if (total > 0) {
            text.append(String.format(Locale.ROOT, " of %,d (%d%%)", total, done * 100 / total));
        }
        text.append(String.format(Locale.ROOT, ", %,.0f rows/s", rate));
        if (total > done && rate > 0) {
            long left = (long) ((total - done) / rate);
            text.append(String.format(Locale.ROOT, ", ETA %dm %02ds", left / 60, left % 60));
        }
        return text.toString();
    }
}
