package dev.accelgen.boards.vitis;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Board;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemoryPlanTest {
    private final Board u280 = BoardCatalog.resolve("u280");

    @Test
    void defaultIsTheFirstHbmPseudoChannelInItsSlr() {
        MemoryPlan p = MemoryPlan.defaultFor(u280);
        assertEquals("HBM[0]", p.spTarget());
        assertEquals("SLR0", p.slr());
        assertEquals(256L << 20, p.reachableBytes());
    }

    @Test
    void rangesAndSingleBankMemories() {
        MemoryPlan p = MemoryPlan.of(u280, "HBM", 4, 7, null);
        assertEquals("HBM[4:7]", p.spTarget());
        assertEquals(List.of("HBM[4]", "HBM[5]", "HBM[6]", "HBM[7]"), p.bankNames());
        assertEquals("DDR[1]", MemoryPlan.of(u280, "DDR", 1, 1, "SLR1").spTarget());
        assertEquals("PS_DDR4", MemoryPlan.of(BoardCatalog.resolve("zcu104"), "PS_DDR4", 0, 0, null).spTarget());
    }

    @Test
    void ddrWhoseSlrTheBoardDoesNotKnowIsLeftToVpp() {
        MemoryPlan p = MemoryPlan.parse(u280, "DDR[1]");
        assertEquals(null, p.slr(), "U280 DDR: memories.DDR.slr is null, the plan must not claim SLR0");
        assertEquals("# no slr=: the board data does not say which SLR DDR[1] attaches to; v++ places k_1", p.slrLine("k_1"));
        assertEquals("SLR2", p.fitSlr(u280), "checked against the smallest SLR");
        assertEquals("slr=k_1:SLR1", MemoryPlan.of(u280, "DDR", 1, 1, "SLR1").slrLine("k_1"));
        assertEquals("slr=k_1:SLR0", MemoryPlan.parse(u280, "HBM[2]").slrLine("k_1"));
    }

    @Test
    void parsesTheSpSyntax() {
        assertEquals("HBM[0:3]", MemoryPlan.parse(u280, "HBM[0:3]").spTarget());
        assertEquals("HBM[31]", MemoryPlan.parse(u280, "HBM[31]").spTarget());
        assertEquals("DDR[0]", MemoryPlan.parse(u280, "DDR").spTarget());
        assertEquals("--banks: 'HBM[0-3]' is not a bank range; write it like HBM[0] or HBM[0:3]",
                assertThrows(BoardError.class, () -> MemoryPlan.parse(u280, "HBM[0-3]")).getMessage());
        assertEquals("memory plan: banks 3..1 out of range for HBM, must be within 0..31",
                assertThrows(BoardError.class, () -> MemoryPlan.parse(u280, "HBM[3:1]")).getMessage());
    }

    @Test
    void badPlansAreOneLineErrors() {
        assertEquals("memory plan: banks 30..32 out of range for HBM, must be within 0..31",
                assertThrows(BoardError.class, () -> MemoryPlan.of(u280, "HBM", 30, 32, null)).getMessage());
        assertEquals("memory plan: board u280 has no memory 'PLRAM'; memories: HBM, DDR",
                assertThrows(BoardError.class, () -> MemoryPlan.of(u280, "PLRAM", 0, 0, null)).getMessage());
        assertEquals("memory plan: board u280 has no SLR3; SLRs: SLR0, SLR1, SLR2",
                assertThrows(BoardError.class, () -> MemoryPlan.of(u280, "HBM", 0, 0, "SLR3")).getMessage());
    }
}
