package dev.accelgen.boards.shell;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.xdc.XdcGenerator;
import dev.accelgen.errors.ConfigError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A U280 custom shell drives HBM_CATTRIP low on the very port its XDC constrains to D32. */
class BoardTiesTest {
    @TempDir
    Path tmp;

    @Test
    void u280CustomShellTiesCattripLowOnTheConstrainedPort() throws Exception {
        Board u280 = BoardCatalog.resolve("u280");
        Set<String> used = Set.of("sysclk0", "CPU_RESET");
        BoardTiesConfig cfg = BoardTiesConfig.forShell(u280, used);
        assertEquals(List.of(new BoardTiesConfig.Tie("hbm_cattrip", false)), cfg.ties());
        Design d = Hdl.elaborate(new BoardTies(), cfg);
        assertEquals("board_ties_u280_hbm_cattrip_lo", d.topName());
        Path dir = RtlChecks.emit(d, tmp.resolve("ties"));
        RtlChecks.lintClean(d, dir);
        RtlChecks.yosysClean(d, dir);
        // Yosys evaluates the module: the output must be the constant 0.
        Path ys = dir.resolve("eval.ys");
        Files.writeString(ys, "read_verilog " + dir.resolve(d.topName() + ".v") + "\nproc\nopt\nsat -prove hbm_cattrip 0 -verify\n");
        RtlChecks.run(dir, List.of("yosys", "-q", "-s", ys.toString()));
        assertTrue(XdcGenerator.generate(u280, used).contains(
                "set_property -dict {PACKAGE_PIN D32 IOSTANDARD LVCMOS18} [get_ports {hbm_cattrip}]"));
    }

    @Test
    void aBoardWithoutTiesHasNothingToDrive() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> BoardTiesConfig.forShell(BoardCatalog.resolve("zcu104"), Set.of("CPU_RESET")));
        assertEquals("board zcu104 has no outputs to tie for this design", e.getMessage());
    }
}
