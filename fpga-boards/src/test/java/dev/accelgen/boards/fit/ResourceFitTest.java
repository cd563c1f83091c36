package dev.accelgen.boards.fit;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Resources;
import dev.accelgen.errors.BoardError;
import dev.accelgen.sim.tools.ResourceCounts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceFitTest {
    @Test
    void aDesignOverTheSlrBudgetIsRejectedNamingTheResource() {
        BoardError e = assertThrows(BoardError.class, () -> ResourceFit.check(BoardCatalog.resolve("u280"), "SLR0",
                "big", ResourceCounts.of(Map.of("DSP48E2", 2737))));
        assertEquals("design big does not fit board u280: DSP 2737 > 2736 available in SLR0; use a smaller configuration",
                e.getMessage());
        // 28,800 RAM64M8 take 8 LUT sites each: 230,400 LUTs, the whole ZCU104; one SRL16E more does not fit
        e = assertThrows(BoardError.class, () -> ResourceFit.check(BoardCatalog.resolve("zcu104"), "SLR0",
                "wide", ResourceCounts.of(Map.of("RAM64M8", 28_800, "SRL16E", 1))));
        assertEquals("design wide does not fit board zcu104: LUT 230401 > 230400 available in SLR0; use a smaller"
                + " configuration", e.getMessage());
    }

    @Test
    void aFittingDesignGetsAReportAgainstSlrAndDevice() {
        String r = ResourceFit.check(BoardCatalog.resolve("u280"), "SLR1", "k",
                ResourceCounts.of(Map.of("DSP48E2", 288, "LUT6", 3700, "SRL16E", 120)));
        assertTrue(r.contains("LUT            3820      382080     1.00%     1303680*    0.29%\n"), r);
        assertTrue(r.contains("DSP             288        2880    10.00%        9024     3.19%\n"), r);
        assertTrue(r.contains("LUT as logic 3700, LUT as distributed RAM 0, LUT as shift register 120, CARRY4 0\n"), r);
        assertTrue(r.endsWith("Yosys cells: DSP48E2=288 LUT6=3700 SRL16E=120\n"), r);
    }

    @Test
    void yosysCellsAreBilledAsVivadoResources() {
        Resources r = ResourceFit.used(ResourceCounts.of(Map.ofEntries(Map.entry("LUT2", 10), Map.entry("LUT6", 5),
                Map.entry("SRL16E", 2), Map.entry("RAM32M16", 1), Map.entry("FDRE", 7), Map.entry("FDSE", 1),
                Map.entry("DSP48E2", 3), Map.entry("RAMB36E2", 2), Map.entry("RAMB18E2", 3), Map.entry("URAM288", 1),
                Map.entry("CARRY4", 9), Map.entry("INV", 4), Map.entry("MUXF7", 6))));
        // LUT: 10 + 5 + 4 INV (a LUT1 each) + 2 SRL + 8 sites of the RAM32M16; BRAM36: 2 + ceil(3 / 2)
        assertEquals(new Resources(29, 8, 3, 4, 1), r);
    }
}
