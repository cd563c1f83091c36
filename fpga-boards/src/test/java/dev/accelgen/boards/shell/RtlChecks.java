package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Design;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verilator -Wall lint and Yosys check -assert on an emitted design; both must be silent. */
final class RtlChecks {
    private RtlChecks() {
    }

    static Path emit(Design d, Path dir) {
        d.emit(dir);
        return dir;
    }

    static List<String> sources(Design d, Path dir) {
        return d.sourceFiles().stream().map(f -> dir.resolve(f).toString()).toList();
    }

    static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timeout: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    static void lintClean(Design d, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", d.topName()));
        cmd.addAll(sources(d, dir));
        String out = run(dir, cmd);
        assertEquals("", out.trim(), "verilator -Wall output");
    }

    static void yosysClean(Design d, Path dir) throws Exception {
        String script = "read_verilog " + String.join(" ", sources(d, dir)) + "; hierarchy -check -top " + d.topName()
                + "; proc; check -assert";
        Path ys = dir.resolve("check.ys");
        Files.writeString(ys, script + "\n");
        run(dir, List.of("yosys", "-q", "-s", ys.toString()));
    }
}
