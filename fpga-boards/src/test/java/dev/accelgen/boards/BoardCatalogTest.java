package dev.accelgen.boards;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.boards.model.Resources;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardCatalogTest {
    @Test
    void zcu104FactsMatchTheBoardStore() {
        Board b = BoardCatalog.resolve("zcu104");
        assertEquals("xczu7ev-ffvc1156-2-e", b.part());
        assertEquals("xilinx.com:zcu104:part0:1.1", b.boardPart());
        assertEquals(Flow.VIVADO_BD, b.flow());
        assertTrue(b.platformName().isEmpty());
        assertEquals(new Resources(230400, 460800, 1728, 312, 96), b.resources());
        assertEquals(100, b.kernelClockMhz());
        assertEquals("M11", b.reset().pin());
        assertEquals("LVCMOS33", b.reset().iostandard());
        assertFalse(b.reset().activeLow());
        assertEquals("M_AXI_HPM0_FPD", b.processingSystem().controlMaster());
        assertEquals("S_AXI_HP0_FPD", b.processingSystem().memorySlave());
        assertEquals(0xA000_0000L, b.processingSystem().controlBase());
        assertEquals(List.of("D5", "D6", "A5", "B5"),
                b.pins().stream().filter(p -> p.name().startsWith("GPIO_LED")).map(p -> p.pin()).toList());
        assertTrue(b.isUnverified("resources.lut"));
        assertFalse(b.isUnverified("resources.dsp"));
    }

    @Test
    void u280HasThreeSlrsAnd32HbmPseudoChannels() {
        Board b = BoardCatalog.resolve("u280");
        assertEquals("xcu280-fsvh2892-2L-e", b.part());
        assertEquals("xilinx.com:au280:part0:1.1", b.boardPart());
        assertEquals("xilinx_u280_gen3x16_xdma_1_202211_1", b.platform());
        assertEquals(Flow.VITIS_KERNEL, b.flow());
        assertEquals(300, b.kernelClockMhz());
        assertTrue(b.reset().activeLow());
        assertEquals("L30", b.reset().pin());
        assertEquals(List.of("SLR0", "SLR1", "SLR2"), b.slrs().stream().map(s -> s.name()).toList());
        assertEquals(new Resources(400800, 801600, 2736, 600, 320), b.slr("SLR0").orElseThrow().budget());
        assertEquals(new Resources(382080, 764160, 2880, 576, 320), b.slr("SLR1").orElseThrow().budget());
        assertEquals(new Resources(380640, 761280, 2880, 576, 320), b.slr("SLR2").orElseThrow().budget());
        var hbm = b.memory("HBM").orElseThrow();
        assertEquals(32, hbm.bankNames().size());
        assertEquals("HBM[0]", hbm.bankNames().get(0));
        assertEquals("HBM[31]", hbm.bankNames().get(31));
        assertEquals(8192, hbm.totalMib());
        assertEquals("SLR0", hbm.slr());
        assertEquals(34, b.memoryBanks().size());
        assertEquals("DDR[1]", b.memoryBanks().get(33));
        var cattrip = b.pins().get(0);
        assertEquals("HBM_CATTRIP", cattrip.name());
        assertEquals("D32", cattrip.pin());
        assertEquals("low", cattrip.tie());
        assertTrue(cattrip.requiredInCustomShell());
    }

    @Test
    void unknownBoardNameIsOneLineNamingTheChoices() {
        BoardError e = assertThrows(BoardError.class, () -> BoardCatalog.resolve("zcu102"));
        assertEquals("unknown board 'zcu102'; use one of zcu104, u280 or a path to a board.json file",
                e.getMessage());
    }

    @Test
    void missingBoardFileNamesThePath() {
        BoardError e = assertThrows(BoardError.class, () -> BoardCatalog.resolve("/nonexistent/b.json"));
        assertEquals("/nonexistent/b.json: no such file", e.getMessage());
    }

    @Test
    void showMarksUnverifiedValues() {
        String text = BoardText.show(BoardCatalog.resolve("u280"));
        assertTrue(text.contains("  resources     LUT 1303680*  FF 2607360*  DSP 9024  BRAM36 2016  URAM 960\n"), text);
        assertTrue(text.contains("  memory        HBM hbm 32 x 256 MiB, 14.375 GB/s each, SLR0\n"), text);
        assertTrue(text.contains("  reset         CPU_RESET port cpu_reset_n pin L30 LVCMOS18 active low\n"), text);
        assertTrue(text.contains("  clock         sysclk0 port sysclk0_clk pin BJ43/BJ44 LVDS 100.000 MHz DQS_BIAS\n"), text);
    }
}
