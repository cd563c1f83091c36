package dev.accelgen.pe.accel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.verilator.RtlRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier's verdict lines: the first difference with its cycle, place, kind and instruction. */
class CoreComparatorTest {
    private static final ModelResult GOLDEN = new ModelResult(List.of(), List.of(0), 40, List.of(), null, false);

    private static RtlRun rtl(long total) {
        return new RtlRun(new Trace(List.of(), total, List.of(), List.of()), false, total, List.of(), Map.of(), List.of(),
                0.1);
    }

    private static String compare(List<TraceItem> golden, List<TraceItem> rtl) {
        return CoreComparator.compare(golden, rtl, GOLDEN, rtl(40), i -> i == 3 ? "ST" : "VCOPY", 5).summaryLine();
    }

    private static TraceItem w(long cycle, String data, int instr) {
        return new TraceItem(cycle, TraceItem.Category.W, "port m1", "addr=0x40 data=0x" + data + " strb=0xff", instr);
    }

    private static TraceItem abuf(long cycle, int instr) {
        return new TraceItem(cycle, TraceItem.Category.BUFFER, "buffer ABUF", "word 3 data=0x07", instr);
    }

    @Test
    void differentDataNamesTheCycleThePortAndTheInstruction() {
        assertEquals("FAIL first mismatch at cycle 12 port m1 W beat (instruction 3 ST): expected addr=0x40 data=0x01"
                + " strb=0xff actual addr=0x40 data=0x02 strb=0xff (seed 5)",
                compare(List.of(abuf(9, 4), w(12, "01", 3)), List.of(abuf(9, -1), w(12, "02", -1))));
    }

    @Test
    void aMissingOrLateEventIsReportedAtTheEarlierCycle() {
        assertEquals("FAIL first mismatch at cycle 9 buffer ABUF write (instruction 4 VCOPY): expected word 3"
                + " data=0x07 actual none (seed 5)", compare(List.of(abuf(9, 4)), List.of(abuf(10, -1))));
        assertEquals("FAIL first mismatch at cycle 8 buffer ABUF write (instruction 4 VCOPY): expected none actual"
                + " word 3 data=0x07 (seed 5)", compare(List.of(abuf(9, 4)), List.of(abuf(8, -1))));
    }

    @Test
    void equalEventsPassWithTheirCount() {
        assertEquals("PASS outputs=2 rtl_cycles=40 golden_cycles=40",
                compare(List.of(abuf(9, 4), w(12, "01", 3)), List.of(abuf(9, -1), w(12, "01", -1))));
    }
}
