package dev.restauth.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source in front of a real one that writes down every SQL statement executed through it, in order: what a
 * request does to the database, for tests that compare the work of two requests (as the login tests count
 * hashes). Everything else passes through unchanged. Thread-safe.
 */
public final class StatementLog implements DataSource {
    private final DataSource target;
    private final List<String> statements = new ArrayList<>();

    public StatementLog(DataSource target) {
        this.target = target;
    }

    /** The statements executed since the last call, oldest first; forgets them. */
    public synchronized List<String> take() {
        List<String> taken = List.copyOf(statements);
        statements.clear();
        return taken;
    }

    /** The statements among {@code log} that change rows (INSERT, UPDATE, DELETE, MERGE). */
    public static List<String> writes(List<String> log) {
        return log.stream().filter(sql -> {
            String verb = sql.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            return verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE");
        }).toList();
    }

    private synchronized void record(String sql) {
        statements.add(sql);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (method, args, result) -> {
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement prepared) {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, prepared, (call, callArgs, callResult) -> callResult,
                        call -> {
                            if (call.getName().startsWith("execute")) {
                                record(sql);
                            }
                        });
            }
            if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                return proxy(Statement.class, statement, (call, callArgs, callResult) -> callResult, null);
            }
            return result;
        }, null);
    }

    /** What a proxy does with the result of a call. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    /** What a proxy does before a call. */
    private interface Before {
        void accept(Method method);
    }

    private <T> T proxy(Class<T> type, T real, After after, Before before) {
        InvocationHandler handler = (self, method, args) -> {
            if (before != null) {
                before.accept(method);
            }
            if (type == Statement.class && method.getName().startsWith("execute") && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                record(sql);
            }
            try {
                return after.apply(method, args, method.invoke(real, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
