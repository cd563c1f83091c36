package dev.accelgen.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test support: emits a design and runs Verilator -Wall lint and Yosys check -assert on every file. */
final class Lint {
    private Lint() {
    }

    static Path emit(Design d, Path dir) {
        d.emit(dir);
        return dir;
    }

    /** Asserts zero Verilator warnings and a clean Yosys check for the design emitted in {@code dir}. */
    static void assertClean(Design d, Path dir) {
        emit(d, dir);
        List<String> files = new ArrayList<>(d.simOnlyFiles());
        files.addAll(d.sourceFiles());
        List<String> verilator = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", d.topName()));
        verilator.addAll(files);
        Result v = run(verilator, dir);
        assertEquals(0, v.code, "verilator --lint-only -Wall on " + d.topName() + ":\n" + v.output);
        assertTrue(!v.output.contains("%Warning"), "verilator warnings:\n" + v.output);
        String read = String.join(" ", files);
        Result y = run(List.of("yosys", "-q", "-p", "read_verilog " + read + "; hierarchy -check -top " + d.topName()
                + "; proc; check -assert"), dir);
        assertEquals(0, y.code, "yosys check -assert on " + d.topName() + ":\n" + y.output);
    }

    record Result(int code, String output) { }

    static Result run(List<String> cmd, Path dir) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timeout: " + cmd);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd.get(0) + " (apt-get install verilator yosys): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The line number of the caller, read from a Throwable (independent of hdl-gen's StackWalker). */
    static int here() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }
}
