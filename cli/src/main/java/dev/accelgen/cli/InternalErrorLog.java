package dev.accelgen.cli;

import dev.accelgen.sim.files.ScratchRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an internal error's stack trace to {@code <scratch>/logs/internal-error-<time>-<pid>.log} (the newest
 * {@value #KEEP} are kept), so the terminal gets one line and a bug report gets the details.
 */
final class InternalErrorLog {
    static final int KEEP = 20;

    private InternalErrorLog() {
    }

    /** The log's path; throws IOException (or a user error about the scratch root) when it cannot be written. */
    static Path write(Throwable t, List<String> args) throws IOException {
        Path dir = ScratchRoot.logs();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = dir.resolve("internal-error-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        Files.writeString(log, String.join("\n",
                new VersionProvider().getVersion()[0],
                "java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "command: accelgen " + String.join(" ", args),
                "",
                trace.toString()), StandardCharsets.UTF_8);
        prune(dir);
        return log;
    }

    private static void prune(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().startsWith("internal-error-"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : logs.subList(Math.min(KEEP, logs.size()), logs.size())) {
            Files.deleteIfExists(old);
        }
    }
}
