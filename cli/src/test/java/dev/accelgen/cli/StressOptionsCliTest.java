package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code pe verify}'s stress options: on by default, adjustable, off with --no-stress, bad values exit 2. */
class StressOptionsCliTest {
    @Test
    void verifyStressesByDefaultAndTakesAMemoryLatencyRange() {
        Cli plain = Cli.run("pe", "verify", "ternary", "--lanes", "4", "--vectors", "4", "--seed", "3");
        assertEquals(0, plain.exit(), plain.out() + plain.err());
        assertTrue(plain.err().contains("stress: junk on idle, stalls 10% of up to 16 cycles, memory latency [L, 3L]\n"),
                plain.err());
        Cli moe = Cli.run("pe", "verify", "moe", "--experts", "3", "--top-k", "1", "--tokens", "4", "--expert-array",
                "systolic:1x2", "--d-model", "4", "--mem-latency", "5:30", "--stall-percent", "30", "--max-stall", "4",
                "--vectors", "2", "--seed", "6");
        assertEquals(0, moe.exit(), moe.out() + moe.err());
        assertTrue(moe.err().contains("stress: junk on idle, stalls 30% of up to 4 cycles, memory latency 5:30\n"), moe.err());
        assertTrue(moe.lastLine().matches("PASS outputs=\\d+ rtl_cycles=(\\d+) golden_cycles=\\1"), moe.lastLine());
        Cli calm = Cli.run("pe", "verify", "ternary", "--lanes", "4", "--vectors", "4", "--seed", "3", "--no-stress");
        assertEquals(0, calm.exit(), calm.out() + calm.err());
        assertTrue(calm.err().contains("stress: no stress (idle inputs 0, never stalled, nominal memory latency)\n"),
                calm.err());
    }

    @Test
    void badStressOptionsAreOneLineExitTwo() {
        Cli both = Cli.run("pe", "verify", "systolic", "--no-stress", "--max-stall", "3");
        assertEquals(2, both.exit());
        assertEquals("accelgen: error: --no-stress: cannot be combined with --stall-percent, --max-stall or a"
                + " --mem-latency range; drop one of them\n", both.err());
        Cli percent = Cli.run("pe", "verify", "systolic", "--stall-percent", "100");
        assertEquals(2, percent.exit());
        assertEquals("accelgen: error: --stall-percent: stall percent must be in 0..99, got 100\n", percent.err());
        Cli range = Cli.run("pe", "verify", "moe", "--mem-latency", "9:3");
        assertEquals(2, range.exit());
        assertEquals("accelgen: error: --mem-latency: latency range 9:3 must have min <= max <= 1000000\n", range.err());
        Cli text = Cli.run("pe", "gen", "moe", "--mem-latency", "fast", "--out", "never");
        assertEquals(2, text.exit());
        assertEquals("accelgen: error: --mem-latency: memory latency must be L or MIN:MAX in cycles, e.g. 20:60 (got fast)\n",
                text.err());
    }
}
