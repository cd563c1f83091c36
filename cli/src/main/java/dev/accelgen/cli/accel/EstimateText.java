package dev.accelgen.cli.accel;

import dev.accelgen.compiler.backend.estimate.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code estimate}'s one-screen summary. */
final class EstimateText {
    private EstimateText() {
    }

    static List<String> lines(Estimate e, BufferFit fit) {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "%s on %s, %s, clock %.0f MHz: %d lanes, %d ports x %d bits, %d MAC lanes", e.model(),
                e.board(), e.scheme(), e.clockMhz(), e.hw().lanes(), e.hw().ports(), e.hw().portBits(), e.macLanes()));
        l.add("timing: " + e.method());
        l.add(String.format(Locale.ROOT, "prefill %d tokens: %d cycles, %.3f ms", e.promptLen(), e.prefill().cycles(), e.prefillMs()));
        if (e.decode() != null) {
            l.add(String.format(Locale.ROOT, "decode at context %d: %d cycles, %.2f tokens/s, %d bytes, %.2f GB/s = %.1f%% of the ports'"
                            + " %.2f GB/s, %.1f%% of the board's %.2f GB/s", e.context(), e.decode().cycles(), e.decodeTokensPerS(),
                    e.decode().bytes(), e.decodeGbps(), 100 * e.bandwidthUtilization(), e.portsGbps(),
                    100 * e.boardBandwidthUtilization(), e.boardGbps()));
        }
        l.add(String.format(Locale.ROOT, "program: %d bytes; on-chip memory %d of %d BRAM36 (%s)", e.programBytes(), fit.bram36(),
                fit.budget(), fit.fits() ? "fits" : "does not fit"));
        if (e.unrolled() != null) {
            l.add(String.format(Locale.ROOT, "context %d: program %d bytes; the same work unrolled per token %d bytes (%.0fx)",
                    e.unrolled().context(), e.programBytes(), e.unrolled().unrolledBytes(), e.unrolled().ratio()));
        }
        return l;
    }
}
