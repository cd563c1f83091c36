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
public final class RtlChecks {
    private RtlChecks() {
    }

    public static Path emit(Design d, Path dir) {
        d.emit(dir);
        return dir;
    }

    static List<String> sources(Design d, Path dir) {
        return d.sourceFiles().stream().map(f -> dir.resolve(f).toString()).toList();
    }

    public static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timeout: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    public static void lintClean(Design d, Path dir) throws Exception {
        lint(dir, d.topName(), sources(d, dir));
    }

    /**
     * Verilator -Wall on {@code files} with top {@code top} is silent, but for the one warning UG1393 forces on
     * kernels: SYMRSVDWORD on the top's {@code interrupt} port (the name Vitis requires; Verilator calls it a C++
     * word). Exactly that warning, in the top's file, is accepted; anything else fails.
     */
    public static void lint(Path dir, String top, List<String> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timeout: " + cmd);
        List<String> messages = out.lines().filter(l -> l.startsWith("%")).toList();
        if (messages.isEmpty()) {
            assertEquals(0, p.exitValue(), out);
            return;
        }
        String interrupt = "%Warning-SYMRSVDWORD: (.*/)?" + java.util.regex.Pattern.quote(top + ".v")
                + ":\\d+:\\d+: Symbol matches C\\+\\+ common word: 'interrupt'";
        assertEquals(2, messages.size(), "verilator -Wall output for " + top + "\n" + out);
        assertTrue(messages.get(0).matches(interrupt), "verilator -Wall output for " + top + "\n" + out);
        assertEquals("%Error: Exiting due to 1 warning(s)", messages.get(1), out);
        assertTrue(out.contains(" output wire interrupt,") || out.contains(" output wire interrupt\n"),
                "the warning is on the top's interrupt port\n" + out);
    }

    public static void yosysClean(Design d, Path dir) throws Exception {
        String script = "read_verilog " + String.join(" ", sources(d, dir)) + "; hierarchy -check -top " + d.topName()
                + "; proc; check -assert";
        Path ys = dir.resolve("check.ys");
        Files.writeString(ys, script + "\n");
        run(dir, List.of("yosys", "-q", "-s", ys.toString()));
    }
}
