package dev.restauth.faults;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of the test's own (a tmpfs mounted on a directory), to fill up and free again. Where mounting
 * is not permitted (not root, no tmpfs) the test is skipped with the reason on stderr.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code mountPoint} (created if need be). */
    static SmallDisk mount(Path mountPoint, int megabytes) throws Exception {
        Files.createDirectories(mountPoint);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        if (failure != null) {
            String reason = "a small file system cannot be mounted here (" + failure.strip() + "); the full-disk "
                    + "test is skipped";
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Fills what is left with one file, until the file system refuses to take more; returns the bytes written. */
    long fill() throws IOException {
        byte[] block = new byte[16 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            if (written == 0 || !String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
            return written;
        }
    }

    /** Frees the space {@link #fill} took. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws Exception {
        String failure = run("umount", "-l", mountPoint.toString());
        if (failure != null) {
            throw new IllegalStateException("umount failed: " + failure);
        }
    }

    /** Runs a command; returns null when it succeeded, else its output. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        String output = new String(process.getInputStream().readAllBytes());
        return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    }
}
