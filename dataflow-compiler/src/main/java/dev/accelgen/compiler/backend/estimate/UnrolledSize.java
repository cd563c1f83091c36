package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.model.StartBeat;

/**
 * The program's size against the same work written out one instruction stream per token: for a context of C
 * positions, the decode steps at positions 0..C-1, each as the data instructions the golden model issued for it (an
 * unrolled stream needs no control instructions). A step's stream depends on its position only through its number
 * of key tiles, so one timed step per tile count, at that count's last position, stands for every position with it.
 *
 * @param programBytes  the compiled program (the same for every context)
 * @param unrolledBytes header plus 32 bytes per issued instruction, summed over the context's decode steps
 */
public record UnrolledSize(int context, long programBytes, long unrolledBytes) {
    static final int INSTR_BYTES = 32;

    public double ratio() {
        return (double) unrolledBytes / programBytes;
    }

    /** For {@code c} compiled for at least {@code context} positions, its decoder layer counted {@code layers} times. */
    static UnrolledSize of(Compiled c, TimingRuns runs, int layers, int context) {
        int tile = c.lir().ops().stream().filter(o -> o instanceof dev.accelgen.compiler.backend.lir.LirOp.Attention)
                .mapToInt(o -> ((dev.accelgen.compiler.backend.lir.LirOp.Attention) o).keyTile()).findFirst().orElse(context);
        LayerSpan span = LayerSpan.of(c.lir());
        long total = 0;
        for (int end = tile; end - tile < context; end += tile) {
            int last = Math.min(end, context);
            int positions = last - (end - tile);
            StartBeat step = StartBeat.of(1, last - 1, c.context());
            long issued = runs.run(span.ops(), step).issued();
            if (layers > 1) {
                long layer = runs.run(span.tailStart(), step).issued() - runs.run(span.layerStart(), step).issued();
                issued += (layers - 1) * layer;
            }
            total += positions * (ProgramBinary.HEADER_BYTES + INSTR_BYTES * issued);
        }
        return new UnrolledSize(context, c.programBytes().length, total);
    }
}
