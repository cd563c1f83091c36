package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.accel.model.RunActivity;
import java.util.List;

/**
 * Performance of a compiled model from the accelerator golden model's timing-only runs of its program: a prefill of
 * {@code promptLen} tokens and one decode step at {@code context}, per layer and in total, and the bandwidth the
 * decode step achieved against the ports the design uses and against the board.
 *
 * @param layerCount      decoder layers of the model
 * @param method          how the totals were obtained (whole program, or one layer's program counted per layer)
 * @param bytesPerCycle   bytes one port delivers per cycle in the memory model (its width, or less where the
 *                        board's memory is slower than the ports)
 * @param layers          prologue, each decoder layer, epilogue
 * @param prefill         the whole prefill run
 * @param decode          the whole decode step
 * @param programBytes    the compiled program's size (header and instructions; the same for every context)
 * @param unrolled        the program against the same work unrolled per token, or null when not asked for
 */
public record Estimate(String model, String board, String scheme, HwConfig hw, double clockMhz, int promptLen, int context,
                       int layerCount, String method, int bytesPerCycle, double boardGbps, List<Part> layers, RunActivity prefill,
                       RunActivity decode, long programBytes, UnrolledSize unrolled) {
    /** One part of the model and what its share of the prefill and of the decode step kept busy. */
    public record Part(String name, RunActivity prefill, RunActivity decode) {
    }

    public double prefillMs() {
        return prefill.cycles() / (clockMhz * 1e3);
    }

    public double decodeTokensPerS() {
        return clockMhz * 1e6 / decode.cycles();
    }

    /** Off-chip GB/s the decode step achieved. */
    public double decodeGbps() {
        return decode.bytes() * clockMhz * 1e6 / decode.cycles() / 1e9;
    }

    /** Peak GB/s of the ports the design uses, at the clock and the width the memory model delivers. */
    public double portsGbps() {
        return (double) hw.ports() * bytesPerCycle * clockMhz * 1e6 / 1e9;
    }

    /** Decode bandwidth over the used ports' peak. */
    public double bandwidthUtilization() {
        return decodeGbps() / portsGbps();
    }

    /** Decode bandwidth over the board memory's physical peak. */
    public double boardBandwidthUtilization() {
        return decodeGbps() / boardGbps;
    }

    /** MAC lanes the matrix units offer per cycle, summed. */
    public long macLanes() {
        long lanes = 0;
        for (var u : hw.matrixUnits()) {
            UnitShape s = UnitShape.of(u);
            lanes += (long) s.rowsPerPass() * s.colsPerBlock() * s.positions(false);
        }
        return lanes;
    }
}
