package dev.restauth.endpoint.mfa;

import dev.restauth.config.Settings;
import dev.restauth.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a dump of the second-factor tables shows: every column of every row, as text, table by table. */
final class StoredSecrets {
    private StoredSecrets() {
    }

    static String dump(TestServer server) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(server.app().settings().get(Settings.DATABASE_URL))) {
            for (String table : new String[] {"restauth_totp", "restauth_recovery_code", "restauth_mfa_challenge"}) {
                out.append(table).append(":\n");
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rows.getString(i)).append(' ');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
