package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadMemoryModelTest {
    private static List<BigInteger> words(int n) {
        List<BigInteger> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(BigInteger.valueOf(0x1000L * i + 0xa5));
        }
        return w;
    }

    /** A 4-byte read memory over {@code image}, every random channel seeded with {@code seed}. */
    private static ReadMemoryModel model(MemoryImage image, long seed) {
        return new ReadMemoryModel(image, new MemoryContents(4, image.words()), (owner, tag) -> seed);
    }

    @Test
    void latencyAndBandwidthGiveTheDocumentedCycles() {
        // 4-byte beats at 2 bytes/cycle: each beat holds the channel 2 cycles; latency 3.
        ReadMemoryModel m = model(new MemoryImage("m", 3, 2, words(8)), 0);
        assertEquals(2, m.beatCycles());
        m.request(0, 8, 1);   // words 2, 3: earliest cycle 3
        m.request(1, 1, 0);   // byte 1 -> word 0: earliest 4, but the channel is busy
        List<String> seen = new ArrayList<>();
        for (long c = 0; c < 12; c++) {
            ReadMemoryModel.RBeat b = m.beatAt(c);
            if (b != null) {
                seen.add(c + ":" + b.data().toString(16) + (b.last() ? "L" : ""));
                m.acceptBeat(c);
            }
        }
        assertEquals(List.of("3:20a5", "5:30a5L", "7:a5L"), seen);
        assertTrue(m.idle());
    }

    @Test
    void beatStaysValidUntilAcceptedAndPastTheImageReadsZero() {
        ReadMemoryModel m = model(new MemoryImage("m", 1, 8, words(2)), 0);
        m.request(0, 4 * 5, 1);
        assertNull(m.beatAt(0));
        assertEquals(new ReadMemoryModel.RBeat(BigInteger.ZERO, false), m.beatAt(1));
        assertEquals(new ReadMemoryModel.RBeat(BigInteger.ZERO, false), m.beatAt(4));
        m.acceptBeat(4);
        assertEquals(new ReadMemoryModel.RBeat(BigInteger.ZERO, true), m.beatAt(5));
        assertThrows(IllegalStateException.class, () -> model(new MemoryImage("m", 1, 1, words(1)), 0).acceptBeat(0));
    }

    @Test
    void arReadyAndLatencyFollowTheGoldenVectors() {
        // prng/vectors.txt: "stalls 1 10 16 200 ..." and "latency 5 20 60 16 35 50 29 ...".
        MemoryImage image = new MemoryImage("m", new LatencyRange(20, 60), 4, new Stalls(10, 16), Stalls.NONE, words(4));
        ReadMemoryModel stalls = model(image, 1);
        StringBuilder ready = new StringBuilder();
        for (long c = 0; c < 40; c++) {
            ready.append(stalls.arReady(c) ? '1' : '0');
        }
        assertEquals("1111111111111111111100111000000000100000", ready.toString());
        assertThrows(IllegalStateException.class, () -> stalls.request(20, 0, 0));
        ReadMemoryModel m = model(image.withTiming(new LatencyRange(20, 60), Stalls.NONE, Stalls.NONE), 5);
        m.request(0, 0, 0);
        m.request(100, 4, 0);
        m.request(101, 8, 0);
        List<Long> valid = new ArrayList<>();
        for (long c = 0; c < 200; c++) {
            if (m.beatAt(c) != null) {
                valid.add(c);
                m.acceptBeat(c);
            }
        }
        assertEquals(List.of(35L, 150L, 151L), valid); // latencies 35, 50, 29: the third waits for the second
    }

    @Test
    void memoryImageValidatesItsParameters() {
        assertEquals("memory 'm' latency must be in 1..1000000, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MemoryImage("m", 0, 1, List.of())).getMessage());
        assertEquals("memory 'm' bytesPerCycle must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MemoryImage("m", 1, 0, List.of())).getMessage());
    }

    @Test
    void harnessAndJavaModelAgreeCycleForCycleOnRandomRequests() {
        VerilatorModel rtl = VerilatorModel.build(Fixtures.manifest("memreq", "mem_requester"));
        for (long seed = 100; seed < 108; seed++) {
            System.out.println("seed=" + seed);
            Stimulus s = MemRequesterGolden.randomRequests(seed);
            VerifyResult r = Verifier.verify(rtl, MemRequesterGolden::requesterGolden, s, RunLimits.DEFAULT);
            assertTrue(r.passed(), r.summaryLine() + " latency=" + s.memory("m").latency()
                    + " bytesPerCycle=" + s.memory("m").bytesPerCycle());
            int beats = s.stream("req").beats().stream().mapToInt(b -> b.values().get("req_len").intValue() + 1).sum();
            assertEquals(beats, r.rtl().trace().events().size());
            assertEquals(30, r.rtl().memoryRequests().size());
        }
        // The comparison has teeth: a golden model that assumes two more cycles of latency fails (one more can
        // hide behind a cycle where the requester's r_ready is low; it is never low twice in a row).
        Stimulus s = MemRequesterGolden.randomRequests(100);
        MemoryImage m = s.memory("m");
        Stimulus slower = s.withMemories(List.of(m.withTiming(new LatencyRange(m.latency().min() + 2,
                m.latency().max() + 2), m.addressStalls(), m.writeStalls())));
        VerifyResult r = Verifier.verify(rtl, x -> MemRequesterGolden.requesterGolden(slower), s, RunLimits.DEFAULT);
        assertTrue(r.summaryLine().startsWith("FAIL first mismatch at cycle "), r.summaryLine());
    }
}
