package dev.restauth.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the servers the bench measures, each in its own JVM with the flags {@code make run} uses: restauth
 * exactly as {@code make run} starts it ({@code java $(JVM_FLAGS) -jar target/restauth.jar serve}, here with the
 * bench's settings file), and the {@link BaselineServer} on the same libraries.
 */
final class Launcher {
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final List<String> jvmFlags;
    private final Path logs;
    private int started;

    /** @param logs where each server's output goes, one file per start */
    Launcher(List<String> jvmFlags, Path logs) {
        this.jvmFlags = List.copyOf(jvmFlags);
        this.logs = logs;
    }

    ChildProcess restauth(Dataset dataset, String label) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", "target/restauth.jar", "serve", "--config", dataset.settings().toString()));
        return ChildProcess.start(command, log(label));
    }

    ChildProcess baseline(Dataset dataset, BaselineServer.Lookup lookup, String label) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, "target/test-classes", "target/restauth.jar",
                "target/lib/*"),
                BaselineServer.class.getName(), dataset.settings().toString(), dataset.tokens().toString(),
                lookup.name()));
        return ChildProcess.start(command, log(label));
    }

    private Path log(String label) {
        return logs.resolve(String.format("%03d-%s.log", ++started, label));
    }
}
