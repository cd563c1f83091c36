package dev.accelgen.boards.shell;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Edge configurations of the kernel stay lint- and Yosys-clean; bad configurations are one-line errors. */
class ShellConfigsLintTest {
    @TempDir
    Path tmp;

    @Test
    void edgeConfigurationsAreClean() throws Exception {
        List<GemmKernelConfig> configs = List.of(
                new GemmKernelConfig(1, 4, 4, 32, 1, 1),  // single row, single-beat bursts, one burst in flight
                new GemmKernelConfig(4, 1, 16, 128, 256, 16), // single column, 128-bit data, largest burst and outstanding limits
                new GemmKernelConfig(4, 4, 64, 512, 2, 3), // deep reduction, 512-bit data, odd outstanding limit
                new GemmKernelConfig(16, 16, 4, 256, 64, 8)); // largest array
        for (GemmKernelConfig c : configs) {
            Design d = Hdl.elaborate(new GemmKernel(), c);
            Path dir = RtlChecks.emit(d, tmp.resolve(d.topName()));
            RtlChecks.lintClean(d, dir);
            RtlChecks.yosysClean(d, dir);
        }
    }

    @Test
    void controlSlavesForOneAndSixteenArgumentsAreClean() throws Exception {
        List<String> sixteen = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "p" + i).toList();
        for (ControlConfig c : List.of(new ControlConfig(List.of("x")), new ControlConfig(sixteen))) {
            Design d = Hdl.elaborate(new AxiLiteControl(), c);
            Path dir = RtlChecks.emit(d, tmp.resolve(d.topName()));
            RtlChecks.lintClean(d, dir);
            RtlChecks.yosysClean(d, dir);
        }
        assertEquals(0x10 + 16 * 0xC, new ControlConfig(sixteen).statusOffset());
        assertEquals(8, new ControlConfig(sixteen).addrBits());
    }

    @Test
    void badConfigurationsNameTheParameter() {
        assertEquals("k = 65 out of range, must be 1..64",
                assertThrows(ConfigError.class, () -> new GemmKernelConfig(4, 4, 65, 32, 16, 4)).getMessage());
        assertEquals("rows*k = 6 must be a multiple of 4 (A is read in 32-bit words)",
                assertThrows(ConfigError.class, () -> new GemmKernelConfig(2, 4, 3, 32, 16, 4)).getMessage());
        assertEquals("max-burst = 12 out of range, must be a power of two 1..256",
                assertThrows(ConfigError.class, () -> new GemmKernelConfig(4, 4, 8, 32, 12, 4)).getMessage());
        assertEquals("max-outstanding = 0 out of range, must be 1..16",
                assertThrows(ConfigError.class, () -> new GemmKernelConfig(4, 4, 8, 32, 16, 0)).getMessage());
        assertEquals("args [a, a] contain a name twice",
                assertThrows(ConfigError.class, () -> new ControlConfig(List.of("a", "a"))).getMessage());
        assertEquals(0x34, new ControlConfig(List.of("a", "b", "c")).statusOffset());
        assertEquals("args and scalars [a, r1, a] contain a name twice", assertThrows(ConfigError.class,
                () -> new ControlConfig(List.of("a", "r1"), List.of("a"), 3)).getMessage());
        ControlConfig accel = new ControlConfig(List.of("mem0", "mem1"), List.of("prog_offset", "r1"), 3);
        assertEquals(0x28, accel.scalarOffset(0), "scalars after the pointers");
        assertEquals(0x30, accel.scalarOffset(1), "0x8 apart");
        assertEquals(0x38, accel.statusOffset(), "the status word after the last scalar");
        assertEquals(6, new ControlConfig(List.of("a", "b", "c")).addrBits());
    }
}
