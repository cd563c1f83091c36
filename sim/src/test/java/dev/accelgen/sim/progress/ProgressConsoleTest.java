package dev.accelgen.sim.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressConsoleTest {
    private static final long S = 1_000_000_000L;
    private long now;
    private final StringWriter text = new StringWriter();

    private ProgressConsole console(ProgressConsole.Mode mode, int columns) {
        return new ProgressConsole(new PrintWriter(text), mode, () -> now, columns);
    }

    @Test
    void linesSayWhatFinishedAndGoQuietUntilTheHeartbeat() {
        ProgressConsole c = console(ProgressConsole.Mode.LINES, 80);
        try (Progress p = c.start("verify mixpe", 120, "configs")) {
            now = 40 * S;
            p.advance(40, 40, "bundle 1 of 3 verified");
            now = 50 * S;
            p.advance(1);
            c.tick(); // 10 s since the last line: quiet
            now = 56 * S;
            c.tick();
            p.detail("2 failed");
            now = 80 * S;
            p.advance(40, 40, "bundle 2 of 3 verified");
        }
        assertEquals("""
                accelgen: verify mixpe: 120 configs
                accelgen: [40/120] bundle 1 of 3 verified (40s elapsed, ETA 1m20s)
                accelgen: verify mixpe: 41/120 configs (34%), 56s elapsed, ETA 1m48s
                accelgen: [81/120] bundle 2 of 3 verified (1m20s elapsed, ETA 39s, 2 failed)
                accelgen: verify mixpe: stopped at 81/120 configs after 1m20s, 2 failed
                """, text.toString());
    }

    @Test
    void aToolRunShowsItsElapsedTime() {
        ProgressConsole c = console(ProgressConsole.Mode.LINES, 80);
        Progress p = c.startIndeterminate("building Verilator model of top");
        now = 16 * S;
        c.tick();
        now = 20 * S;
        c.tick();
        now = 32 * S;
        c.tick();
        p.close();
        p.close();
        assertEquals("""
                accelgen: building Verilator model of top ...
                accelgen: building Verilator model of top: 16s elapsed
                accelgen: building Verilator model of top: 32s elapsed
                accelgen: building Verilator model of top: done in 32s
                """, text.toString());
        assertThrows(IllegalStateException.class, () -> p.advance(1));
    }

    @Test
    void theBarKeepsNestedTasksOnOneLineWithMessagesAbove() {
        ProgressConsole c = console(ProgressConsole.Mode.BAR, 120);
        Progress verify = c.start("verify ternary", 4, "configs");
        now = S;
        Progress build = c.startIndeterminate("building bundle_ab12");
        now = 3 * S;
        c.line("[1/4] TernaryConfig[lanes=64] seed=7");
        build.close();
        now = 4 * S;
        verify.advance(4);
        verify.close();
        assertEquals("\r\033[Kverify ternary [--------------------] 0/4 configs 0% 0s ETA --"
                + "\r\033[Kverify ternary [--------------------] 0/4 configs 0% 1s ETA -- | building bundle_ab12 0s"
                + "\r\033[K[1/4] TernaryConfig[lanes=64] seed=7\n"
                + "\r\033[Kverify ternary [--------------------] 0/4 configs 0% 3s ETA -- | building bundle_ab12 2s"
                + "\r\033[Kaccelgen: building bundle_ab12: done in 2s\n"
                + "\r\033[Kverify ternary [--------------------] 0/4 configs 0% 3s ETA --"
                + "\r\033[Kverify ternary [####################] 4/4 configs 100% 4s ETA 0s"
                + "\r\033[Kaccelgen: verify ternary: 4/4 configs in 4s\n", text.toString());
    }

    @Test
    void theStatusLineIsCutToTheTerminalWidth() {
        ProgressConsole c = console(ProgressConsole.Mode.BAR, 40);
        c.startIndeterminate("synthesizing a_module_with_a_very_long_name_indeed with Yosys");
        assertEquals("\r\033[Ksynthesizing a_module_with_a_very_long~", text.toString());
    }

    @Test
    void anEstimateCountsDownUntilWorkIsDone() {
        ProgressConsole c = console(ProgressConsole.Mode.LINES, 80);
        Progress p = c.start("regress smoke", 10, "cases", 2, 80, 120);
        now = 30 * S;
        assertEquals("1m30s", p.eta(now));
        p.advance(1, 20, null);
        assertEquals("1m30s", p.eta(now));
        assertEquals("regress smoke: 3/10 cases (30%), 30s elapsed, ETA 1m30s", p.progressLine(now));
        assertThrows(IllegalArgumentException.class, () -> c.start("x", 1, "cases", 2, 1, -1));
    }

    @Test
    void outputFollowsTheWriterItIsGiven() {
        ProgressConsole c = console(ProgressConsole.Mode.LINES, 80);
        StringWriter other = new StringWriter();
        c.writeTo(new PrintWriter(other));
        c.startIndeterminate("x").close();
        assertEquals("", text.toString());
        assertEquals("accelgen: x ...\naccelgen: x: done in 0s\n", other.toString());
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("59s", Durations.format(59.4));
        assertEquals("3m07s", Durations.format(187));
        assertEquals("2h05m", Durations.format(7500));
    }
}
