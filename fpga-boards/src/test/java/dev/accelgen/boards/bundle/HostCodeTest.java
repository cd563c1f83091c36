package dev.accelgen.boards.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host programs compile (as far as possible without a board): Python byte-compiles, C and C++ pass -fsyntax-only -Werror. */
class HostCodeTest {
    @TempDir
    Path tmp;

    private static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    @Test
    void zcu104PynqDriverAndDevMemDriverCompile() throws Exception {
        Path b = tmp.resolve("zcu104");
        BundleWriter.write(BundleFiles.of(Fixtures.content("zcu104")), b, false);
        run(b, List.of("python3", "-m", "py_compile", "host/pynq/accel_pynq.py"));
        run(b.resolve("host/c"), List.of("gcc", "-std=c11", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "accel_host.c"));
        String header = Files.readString(b.resolve("host/c/accel_config.h"));
        assertTrue(header.contains("#define ACCEL_CTRL_BASE 0xA0000000ULL\n"), header);
        assertTrue(header.contains("    {\"src\", 0x10u, 16u, ACCEL_IN, \"golden/src.bin\"},  // uint8 x16\n"
                + "    {\"dst\", 0x1Cu, 16u, ACCEL_OUT, NULL},  // uint8 x16\n"), header);
        assertTrue(header.contains("#define ACCEL_REG_STATUS 0x28u\n"), "status word after the two pointers\n" + header);
        assertTrue(header.contains("    {\"dst\", 1, 0u, 16u, \"golden/dst.bin\"},\n"), header);
        String c = Files.readString(b.resolve("host/c/accel_host.c"));
        assertTrue(c.contains("defaults: ../.. 0x7C000000"), "buffers in the top 64 MiB of the 2 GiB PS DDR");
        String py = Files.readString(b.resolve("host/pynq/accel_pynq.py"));
        assertTrue(py.contains("    (\"src\", 0x10, 16, \"in\", \"golden/src.bin\"),  # uint8 x16\n"
                + "    (\"dst\", 0x1C, 16, \"out\", None),  # uint8 x16\n"), py);
        assertTrue(py.contains("REG_STATUS = 0x28\n") && py.contains("status = ip.read(REG_STATUS)"), py);
    }

    /** The review found the C driver reading files and memset-ing straight into the uncached /dev/mem mapping. */
    @Test
    void devMemDriverTouchesTheMappingOnlyWordWiseThroughVolatilePointers() throws Exception {
        Path b = tmp.resolve("zcu104");
        BundleWriter.write(BundleFiles.of(Fixtures.content("zcu104")), b, false);
        String c = Files.readString(b.resolve("host/c/accel_host.c"));
        assertTrue(c.contains("volatile uint32_t *mem = region;"), c);
        assertEquals(List.of(), c.lines().filter(l -> l.contains("memset(") || l.contains("fread(mem") || l.contains("memcpy(mem")
                || l.contains("mem[") && !l.contains("mem + ")).toList(), "no bulk or byte access to the mapping");
        assertTrue(c.contains("uint32_t status = ctrl[ACCEL_REG_STATUS / 4];"), "the status word is read after every run");
    }

    @Test
    void u280XrtHostCompilesAgainstTheXrtApi() throws Exception {
        Path b = tmp.resolve("u280");
        BundleWriter.write(BundleFiles.of(Fixtures.content("u280")), b, false);
        Path stub = Path.of(getClass().getResource("/xrt-stub/xrt/xrt_device.h").toURI()).getParent().getParent();
        run(b.resolve("host/xrt"), List.of("g++", "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Werror",
                "-I", stub.toString(), "host_xrt.cpp"));
        String cpp = Files.readString(b.resolve("host/xrt/host_xrt.cpp"));
        assertTrue(cpp.contains("uint32_t status = kernel.read_register(ACCEL_REG_STATUS);")
                && cpp.contains("xrt::kernel::cu_access_mode::exclusive"), cpp);
    }
}
