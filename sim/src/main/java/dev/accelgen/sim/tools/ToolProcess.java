package dev.accelgen.sim.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external tool to completion, capturing stdout and stderr separately. */
public final class ToolProcess {
    /** Apt package of each tool accelgen runs, for the "install it with" message. */
    private static final Map<String, String> APT_PACKAGES = Map.of(
            "verilator", "verilator", "yosys", "yosys", "iverilog", "iverilog", "vvp", "iverilog",
            "sbatch", "slurm-wlm", "scontrol", "slurm-wlm");

    public record Output(int exitCode, String stdout, String stderr) {
        public String combined() {
            return stdout + stderr;
        }
    }

    private ToolProcess() {
    }

    /** The Debian package that provides a tool (the tool's own name when unknown). */
    public static String aptPackage(String tool) {
        String name = Path.of(tool).getFileName().toString();
        return APT_PACKAGES.getOrDefault(name, name);
    }

    public static Output run(List<String> command, Path workDir, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            String tool = command.get(0);
            if (e.getMessage() != null && e.getMessage().contains("error=2")) {
                throw new ToolMissingException(tool, aptPackage(tool));
            }
            throw new UncheckedIOException("cannot start " + tool, e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
