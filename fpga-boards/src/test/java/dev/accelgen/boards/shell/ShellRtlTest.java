package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generated shells are lint-clean (verilator -Wall, no waivers), pass Yosys check -assert, and are deterministic. */
class ShellRtlTest {
    @TempDir
    Path tmp;

    @Test
    void gemmKernelIsLintAndYosysClean() throws Exception {
        Design d = Hdl.elaborate(new GemmKernel(), GemmKernelConfig.small());
        Path dir = RtlChecks.emit(d, tmp.resolve("gemm"));
        RtlChecks.lintClean(d, dir);
        RtlChecks.yosysClean(d, dir);
    }

    @Test
    void statusLedsAreLintAndYosysClean() throws Exception {
        Design d = Hdl.elaborate(new StatusLeds(), new StatusLedsConfig(100));
        Path dir = RtlChecks.emit(d, tmp.resolve("leds"));
        RtlChecks.lintClean(d, dir);
        RtlChecks.yosysClean(d, dir);
    }

    @Test
    void generationIsByteIdentical() {
        assertEquals(Hdl.elaborate(new GemmKernel(), GemmKernelConfig.small()).files(),
                Hdl.elaborate(new GemmKernel(), GemmKernelConfig.small()).files());
    }
}
