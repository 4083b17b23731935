package dev.restauth.standalone;

import com.google.gson.JsonObject;

import dev.restauth.config.LogFormat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The standalone server's one log format, for restauth's own messages and, through SLF4J's java.util.logging
 * binding, Jetty's, HikariCP's and the JDBC drivers': one line per event. {@link LogFormat#TEXT} writes
 * {@code 2026-12-02T21:04:57.598Z WARN  dev.restauth.mail.OutboxSender [thread] message}, then an error's stack
 * trace; {@link LogFormat#JSON} writes one JSON object per line, {@code {"time","level","logger","thread","message"}}
 * and {@code "error"} (the stack trace) when there is one. Levels are named as SLF4J names them.
 */
public final class LogLines extends Formatter {
    private static Handler installed;

    /**
     * The process's {@code LogManager} (set by the command line through {@code java.util.logging.manager} before
     * anything logs): the JDK's, except that its exit hook does not take the handlers away, so what the server logs
     * while it stops at exit (the pool's "Shutdown completed") is still written.
     */
    public static final class KeptAtExit extends LogManager {
        @Override
        public void reset() {
            if (!Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$")) {
                super.reset();
            }
        }
    }

    private final LogFormat format;

    public LogLines(LogFormat format) {
        this.format = format;
    }

    /**
     * Makes this format the root logger's only output, on standard error; the process's own logging from now on.
     * Called by the command line, once at start.
     */
    public static synchronized void install(LogFormat format) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        installed = new ConsoleHandler();
        installed.setLevel(Level.ALL);
        installed.setFormatter(new LogLines(format));
        root.addHandler(installed);
    }

    /** Switches an {@linkplain #install installed} output to this format (once the settings are read); else nothing. */
    public static synchronized void use(LogFormat format) {
        if (installed != null) {
            installed.setFormatter(new LogLines(format));
        }
    }

    /** A handler writing this format to a stream (tests read the log through one). */
    public static Handler to(OutputStream out, LogFormat format) {
        StreamHandler handler = new StreamHandler(out, new LogLines(format)) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        return handler;
    }

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        String level = level(record.getLevel());
        String thread = Thread.currentThread().getName();
        String error = record.getThrown() == null ? null : stackTrace(record.getThrown());
        Instant time = record.getInstant();
        if (format == LogFormat.JSON) {
            JsonObject line = new JsonObject();
            line.addProperty("time", time.toString());
            line.addProperty("level", level);
            line.addProperty("logger", record.getLoggerName());
            line.addProperty("thread", thread);
            line.addProperty("message", message);
            if (error != null) {
                line.addProperty("error", error);
            }
            return line + System.lineSeparator();
        }
        StringBuilder line = new StringBuilder().append(time).append(' ').append(String.format("%-5s", level))
                .append(' ').append(record.getLoggerName()).append(" [").append(thread).append("] ").append(message)
                .append(System.lineSeparator());
        if (error != null) {
            line.append(error);
        }
        return line.toString();
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
