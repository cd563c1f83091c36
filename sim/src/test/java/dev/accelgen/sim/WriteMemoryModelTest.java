package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteMemoryModelTest {
    private static final List<BigInteger> WORDS = List.of(BigInteger.valueOf(0xa5), BigInteger.valueOf(0x10a5),
            BigInteger.valueOf(0x20a5), BigInteger.valueOf(0x30a5));

    /** Memory "m" of 4-byte words at 2 bytes per cycle, latency 3, every random channel seeded with {@code seed}. */
    private static AxiMemoryModel memory(MemoryImage image, long seed) {
        MemoryContents contents = new MemoryContents(4, image.words());
        return new AxiMemoryModel(new ReadMemoryModel(image, contents, (o, t) -> seed),
                new WriteMemoryModel(image, contents, (o, t) -> seed), contents);
    }

    @Test
    void burstTimingStrobesAndResponseFollowTheDocumentedRules() {
        WriteMemoryModel w = memory(new MemoryImage("m", 3, 2, WORDS), 0).write();
        assertTrue(w.awReady(0));
        w.address(0, 8, 1); // words 2 and 3
        assertFalse(w.wReady(0)); // W waits for a cycle after its AW
        assertTrue(w.wReady(1));
        w.acceptData(1, BigInteger.valueOf(0xdeadbeefL), BigInteger.valueOf(0b0011), false);
        assertFalse(w.wReady(2)); // a 4-byte beat holds the 2-byte/cycle channel two cycles
        assertTrue(w.wReady(3));
        w.acceptData(3, BigInteger.valueOf(0x11223344), BigInteger.valueOf(0xf), true);
        assertFalse(w.wReady(5)); // no burst left
        assertFalse(w.bValid(5));
        assertTrue(w.bValid(6)); // last beat at 3 + latency 3
        assertTrue(w.bValid(7)); // held until taken
        w.acceptResponse(7);
        assertTrue(w.idle());
        assertEquals(List.of(new WriteEvent.Address(0, "m", 8, 1),
                new WriteEvent.Data(1, "m", 8, BigInteger.valueOf(0xdeadbeefL), BigInteger.valueOf(3)),
                new WriteEvent.Data(3, "m", 12, BigInteger.valueOf(0x11223344), BigInteger.valueOf(0xf)),
                new WriteEvent.Response(7, "m")), w.events());
    }

    @Test
    void aReadSeesTheWordsWrittenBeforeItsAddressWasAccepted() {
        AxiMemoryModel m = memory(new MemoryImage("m", 3, 4, WORDS), 0);
        m.write().address(0, 8, 0);
        m.write().acceptData(1, BigInteger.valueOf(0xdeadbeefL), BigInteger.valueOf(0b0011), true);
        m.read().request(1, 8, 1); // same cycle as the write: sees it
        assertEquals(Map.of(2L, BigInteger.valueOf(0xbeef)), m.contents().written());
        assertEquals(BigInteger.valueOf(0xbeef), m.read().beatAt(4).data());
        m.read().acceptBeat(4);
        assertEquals(BigInteger.valueOf(0x30a5), m.read().beatAt(5).data());
    }

    @Test
    void stallsAndLatencyFollowTheGoldenVectors() {
        // prng/vectors.txt: "stalls 7 50 3 120 0110000000111110..." drives AW and W alike here (one seed), and
        // "latency 6 7 7 4" draws nothing: a fixed latency.
        MemoryImage image = new MemoryImage("m", new LatencyRange(7, 7), 4, new Stalls(50, 3), new Stalls(50, 3), WORDS);
        WriteMemoryModel w = memory(image, 7).write();
        StringBuilder aw = new StringBuilder();
        for (long c = 0; c < 16; c++) {
            aw.append(w.awReady(c) ? '1' : '0');
        }
        assertEquals("0110000000111110", aw.toString());
        assertThrows(IllegalStateException.class, () -> w.address(0, 0, 0));
        w.address(1, 0, 0);
        assertFalse(w.wReady(3)); // the W pattern is low in 3..9
        assertTrue(w.wReady(10));
        w.acceptData(10, BigInteger.ONE, BigInteger.ONE, true);
        assertFalse(w.bValid(16));
        assertTrue(w.bValid(17));
    }

    @Test
    void wLastOnTheWrongBeatIsAGoldenModelError() {
        WriteMemoryModel w = memory(new MemoryImage("m", 1, 4, WORDS), 0).write();
        w.address(0, 0, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.acceptData(1, BigInteger.ZERO, BigInteger.ONE, true));
        assertEquals("W beat 0 of a 3-beat burst in cycle 1 has w_last 1", e.getMessage());
    }
}
