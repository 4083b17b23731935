package dev.restauth.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in its own JVM: started from a command line, its output (standard output and error together) copied to a
 * log file, its port read from the {@code serving http://host:port} line both restauth and the baseline print once
 * they listen. Reads the child's memory from {@code /proc}, so the figures are those of the real process with the
 * real flags. {@link #close()} stops it as Ctrl-C would (SIGTERM) and waits for it, as the next server may need the
 * same H2 file.
 */
final class ChildProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving http://[^:/]+:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} without waiting for it to listen. Variables {@code RESTAUTH_*} of the bench's own
     * environment are not passed on: they would override the bench's settings file.
     */
    static ChildProcess start(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("RESTAUTH_"));
            ChildProcess child = new ChildProcess(builder.start(), log);
            Thread copier = new Thread(child::copyOutput, "output-of-" + child.pid());
            copier.setDaemon(true);
            copier.start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the child listens on, once it says so; fails with the log's path if it dies first. */
    int port() {
        try {
            return port.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not start; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    /** Where the child's output goes. */
    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory now ({@code VmRSS}), MiB. */
    double rssMiB() {
        return status("VmRSS");
    }

    /** The most resident memory since start or the last {@link #resetPeak()} ({@code VmHWM}), MiB. */
    double peakRssMiB() {
        return status("VmHWM");
    }

    /** Starts a new peak: the kernel resets {@code VmHWM} to the current RSS. */
    void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/" + pid() + "/clear_refs"), "5");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the peak RSS of " + pid(), e);
        }
    }

    private double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException(field + " missing from /proc/" + pid() + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of " + pid(), e);
        }
    }

    private void copyOutput() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                copy.println(line);
                Matcher serving = SERVING.matcher(line);
                if (!port.isDone() && serving.find()) {
                    port.complete(Integer.parseInt(serving.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the server's output ended before it listened"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
