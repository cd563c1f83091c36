package dev.accelgen.boards.fit;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Resources;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceFitTest {
    @Test
    void aDesignOverTheSlrBudgetIsRejectedNamingTheResource() {
        BoardError e = assertThrows(BoardError.class, () -> ResourceFit.check(BoardCatalog.resolve("u280"), "SLR0",
                "big", new Resources(1000, 1000, 2737, 0, 0), Map.of()));
        assertEquals("design big does not fit board u280: DSP 2737 > 2736 available in SLR0; use a smaller configuration",
                e.getMessage());
        e = assertThrows(BoardError.class, () -> ResourceFit.check(BoardCatalog.resolve("zcu104"), "SLR0",
                "wide", new Resources(230401, 0, 0, 0, 0), Map.of()));
        assertEquals("design wide does not fit board zcu104: LUT 230401 > 230400 available in SLR0; use a smaller"
                + " configuration", e.getMessage());
    }

    @Test
    void aFittingDesignGetsAReportAgainstSlrAndDevice() {
        String r = ResourceFit.check(BoardCatalog.resolve("u280"), "SLR1", "k", new Resources(3820, 100, 288, 1, 0),
                Map.of("DSP48E2", 288L, "LUT6", 3820L));
        assertTrue(r.contains("LUT            3820      382080     1.00%     1303680*    0.29%\n"), r);
        assertTrue(r.contains("DSP             288        2880    10.00%        9024     3.19%\n"), r);
        assertTrue(r.endsWith("Yosys cells: DSP48E2=288 LUT6=3820\n"), r);
    }

    @Test
    void yosysCellsAreBilledAsVivadoResources() {
        Resources r = YosysResources.resources(Map.ofEntries(Map.entry("LUT2", 10L), Map.entry("LUT6", 5L),
                Map.entry("SRL16E", 2L), Map.entry("FDRE", 7L), Map.entry("FDSE", 1L), Map.entry("DSP48E2", 3L),
                Map.entry("RAMB36E2", 2L), Map.entry("RAMB18E2", 3L), Map.entry("URAM288", 1L), Map.entry("CARRY4", 9L),
                Map.entry("INV", 4L)));
        assertEquals(new Resources(17, 8, 3, 4, 1), r);
    }
}
