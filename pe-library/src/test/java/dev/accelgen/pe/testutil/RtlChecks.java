package dev.accelgen.pe.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.hdl.Design;
import dev.accelgen.sim.tools.ToolProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Lint and structural checks every emitted design must pass: Verilator -Wall with zero warnings, Yosys check -assert. */
public final class RtlChecks {
    private RtlChecks() {
    }

    /** Emits {@code d} into {@code dir}, lints it (synthesis and simulation sources together) and runs Yosys. */
    public static Path emitAndCheck(Design d, Path dir) {
        Path manifest = d.emit(dir);
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", d.topName()));
        d.simOnlyFiles().forEach(f -> lint.add(dir.resolve(f).toString()));
        d.sourceFiles().forEach(f -> lint.add(dir.resolve(f).toString()));
        ToolProcess.Output l = ToolProcess.run(lint, dir, Duration.ofMinutes(2));
        assertEquals("", l.combined().trim(), "verilator lint of " + d.topName());
        assertEquals(0, l.exitCode());
        StringBuilder script = new StringBuilder();
        for (String f : d.simOnlyFiles()) {
            script.append("read_verilog -lib ").append(dir.resolve(f)).append("; ");
        }
        for (String f : d.sourceFiles()) {
            script.append("read_verilog ").append(dir.resolve(f)).append("; ");
        }
        script.append("hierarchy -check -top ").append(d.topName()).append("; proc; check -assert");
        ToolProcess.Output y = ToolProcess.run(List.of("yosys", "-q", "-p", script.toString()), dir, Duration.ofMinutes(2));
        assertEquals(0, y.exitCode(), "yosys check of " + d.topName() + ": " + y.combined());
        return manifest;
    }
}
