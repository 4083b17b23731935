package dev.restauth.bench;

import java.util.List;

/** The bench's one table, in Markdown. */
final class Table {
    private Table() {
    }

    /** One figure: its median (with details), the range over the runs, the target and whether it is met. */
    record Row(String figure, String value, String range, String target, String verdict, String note) {
        /** A figure that was not measured in this invocation, and why. */
        static Row notRun(String figure, String why, String target) {
            return new Row(figure, why, "", target, "", "");
        }
    }

    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| figure | median | min – max | target | met | note |\n");
        out.append("| --- | --- | --- | --- | :-: | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.figure(), row.value(), row.range(), row.target(),
                    row.verdict(), row.note())).append(" |\n");
        }
        return out.toString();
    }
}
