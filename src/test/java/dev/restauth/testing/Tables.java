package dev.restauth.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What restauth's tables hold, in a form two moments can be compared by: per table, its row count and a checksum of
 * every row's values that does not depend on the order rows come back in. Equal snapshots mean no row was added,
 * removed or changed.
 */
public final class Tables {
    private Tables() {
    }

    /** Table name (lower case) to "rows:checksum", for every {@code restauth_} table of the database. */
    public static Map<String, String> snapshot(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> tables = new TreeMap<>();
            for (String table : names(connection)) {
                long rows = 0;
                long checksum = 0;
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(result.getString(i)).append('\u0000');
                        }
                        rows++;
                        checksum += mix(row.toString());
                    }
                }
                tables.put(table.toLowerCase(Locale.ROOT), rows + ":" + Long.toHexString(checksum));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of one table. */
    public static long count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("restauth_")) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no restauth tables found");
        }
        return names;
    }

    /** A 64-bit hash of a row; summed, so that the order of rows does not matter. */
    private static long mix(String row) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < row.length(); i++) {
            hash = (hash ^ row.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
