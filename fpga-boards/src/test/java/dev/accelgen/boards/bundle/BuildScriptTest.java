package dev.accelgen.boards.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * build.sh stops with exit status 3 and a clear message when the vendor tools are missing; with stand-in tools
 * that record their arguments, it runs the vendor flow in order.
 */
class BuildScriptTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run buildSh(Path bundle, String path, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", bundle.resolve("build.sh").toString()).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", path);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A directory with stand-ins for vivado and v++ that append their arguments to calls.log. */
    private Path fakeTools(String vppVersion) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        String record = "#!/bin/bash\necho \"$(basename \"$0\") $*\" >> \"" + tmp.resolve("calls.log") + "\"\n";
        Files.writeString(bin.resolve("vivado"), record);
        Files.writeString(bin.resolve("v++"), record + "if [ \"$1\" = --version ]; then echo '****** v++ v" + vppVersion
                + " (64-bit)'; fi\n");
        Files.writeString(bin.resolve("emconfigutil"), record);
        for (String t : List.of("vivado", "v++", "emconfigutil")) {
            Files.setPosixFilePermissions(bin.resolve(t), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private Path bundle(String board) {
        Path b = tmp.resolve(board);
        BundleWriter.write(BundleFiles.of(Fixtures.content(board)), b, false);
        return b;
    }

    @Test
    void zcu104WithoutVivadoStopsWithExit3AndSaysWhatToInstall() throws Exception {
        Path b = bundle("zcu104");
        assertTrue(Files.isExecutable(b.resolve("build.sh")));
        Run r = buildSh(b, "/usr/bin:/bin");
        assertEquals(3, r.exit());
        assertEquals("build.sh: vivado not found on PATH; install Vivado 2020.2 or newer with zcu104 board support, run"
                + " 'source <Vivado dir>/settings64.sh', then re-run ./build.sh\n", r.stderr());
        assertFalse(Files.exists(b.resolve("build")), "nothing built");
    }

    @Test
    void u280WithoutVppStopsWithExit3() throws Exception {
        Path b = bundle("u280");
        Run r = buildSh(b, "/usr/bin:/bin");
        assertEquals(3, r.exit());
        assertEquals("build.sh: vivado not found on PATH; install Vitis 2022.1 to 2023.2 and the"
                + " xilinx_u280_gen3x16_xdma_1_202211_1 platform, run 'source <Vitis dir>/settings64.sh' and"
                + " 'source /opt/xilinx/xrt/setup.sh', then re-run ./build.sh\n", r.stderr());
        Path bin = fakeTools("2022.2");
        Files.delete(bin.resolve("v++"));
        r = buildSh(b, bin + ":/usr/bin:/bin");
        assertEquals(3, r.exit());
        assertTrue(r.stderr().startsWith("build.sh: v++ not found on PATH;"), r.stderr());
    }

    @Test
    void zcu104RunsVivadoOnTheProjectScript() throws Exception {
        Path b = bundle("zcu104");
        Run r = buildSh(b, fakeTools("2022.2") + ":/usr/bin:/bin");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("vivado -mode batch -nojournal -log build/vivado.log -source vivado/create_project.tcl\n",
                Files.readString(tmp.resolve("calls.log")));
    }

    @Test
    void u280LinksTheXclbinWithoutAPackageStep() throws Exception {
        Path b = bundle("u280");
        Run r = buildSh(b, fakeTools("2022.2") + ":/usr/bin:/bin");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("v++ --version\n"
                + "vivado -mode batch -nojournal -log build/gen_xo.log -source vitis/gen_xo.tcl\n"
                + "v++ -l -t hw --platform xilinx_u280_gen3x16_xdma_1_202211_1 --config vitis/link.cfg --kernel_frequency 300"
                + " --temp_dir build/_x.hw -o build/copy_kernel.xclbin build/copy_kernel.xo\n",
                Files.readString(tmp.resolve("calls.log")));
    }

    @Test
    void u280HardwareEmulationHasItsOwnXclbinAndEmconfig() throws Exception {
        Path b = bundle("u280");
        Run r = buildSh(b, fakeTools("2022.2") + ":/usr/bin:/bin", "TARGET", "hw_emu");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("v++ --version\n"
                + "vivado -mode batch -nojournal -log build/gen_xo.log -source vitis/gen_xo.tcl\n"
                + "v++ -l -t hw_emu --platform xilinx_u280_gen3x16_xdma_1_202211_1 --config vitis/link.cfg --kernel_frequency 300"
                + " --temp_dir build/_x.hw_emu -o build/copy_kernel.hw_emu.xclbin build/copy_kernel.xo\n"
                + "emconfigutil --platform xilinx_u280_gen3x16_xdma_1_202211_1 --od build\n",
                Files.readString(tmp.resolve("calls.log")));
        Path bin = tmp.resolve("bin");
        Files.delete(bin.resolve("emconfigutil"));
        r = buildSh(b, bin + ":/usr/bin:/bin", "TARGET", "hw_emu");
        assertEquals(3, r.exit());
        assertTrue(r.stderr().startsWith("build.sh: emconfigutil not found on PATH;"), r.stderr());
        r = buildSh(b, bin + ":/usr/bin:/bin", "TARGET", "sw_emu");
        assertEquals(2, r.exit());
        assertEquals("build.sh: TARGET=sw_emu is not supported; use hw or hw_emu\n", r.stderr());
    }

    @Test
    void u280RefusesAVitisReleaseWithoutU280SupportUnlessTold() throws Exception {
        Path b = bundle("u280");
        Path bin = fakeTools("2024.2");
        Run r = buildSh(b, bin + ":/usr/bin:/bin");
        assertEquals(3, r.exit());
        assertEquals("build.sh: Vitis 2024.2 is outside 2022.1 to 2023.2, the releases known to support u280;"
                + " set ACCELGEN_SKIP_VERSION_CHECK=1 to try anyway\n", r.stderr());
        r = buildSh(b, bin + ":/usr/bin:/bin", "ACCELGEN_SKIP_VERSION_CHECK", "1");
        assertEquals(0, r.exit(), r.stderr());
    }
}
