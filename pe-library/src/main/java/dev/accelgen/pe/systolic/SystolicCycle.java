package dev.accelgen.pe.systolic;

/**
 * Per-cycle model of {@link SystolicArray}, stepped once per clock. {@link #ready} is {@code in_ready} for a
 * beat with the given {@code last} flag; {@link #step} takes the beat accepted in this cycle (or null) and
 * returns the column outputs valid in this cycle (or null). Each beat adds {@code a[r] * b[c]} to PE (r, c)'s
 * accumulator ({@code first} restarts it; sums wrap at {@code accBits} and are kept as unsigned patterns); a
 * {@code last} beat accepted in cycle T puts C[r][c] on {@code out_c} in cycle {@code T + 2r + c + 1}. A
 * {@code last} beat is accepted only {@link SystolicConfig#lastBeatSpacing()} cycles after the previous one.
 * {@link SystolicGolden} and the systolic matrix engine both drive it.
 */
public final class SystolicCycle {
    /** One {@code in} beat: operand values per row ({@code a}) and per column ({@code b}), in range for the config. */
    public record Beat(boolean first, boolean last, long[] a, long[] b) {
    }

    /** Column outputs of one cycle: {@code value[c]} is meaningful where {@code valid[c]}. */
    public record Drain(boolean[] valid, long[] value) {
    }

    private final SystolicConfig cfg;
    private final long mask;
    private final long[][] acc;
    private final Drain[] ring;
    private int head;
    private int gap;

    public SystolicCycle(SystolicConfig cfg) {
        this.cfg = cfg;
        this.mask = (1L << cfg.accBits()) - 1;
        this.acc = new long[cfg.rows()][cfg.cols()];
        this.ring = new Drain[2 * cfg.rows() + cfg.cols() + 1];
    }

    /** {@code in_ready} this cycle for a beat whose {@code last} flag is {@code last}. */
    public boolean ready(boolean last) {
        return !last || gap == 0;
    }

    /** One clock cycle; {@code beat} must be null unless {@link #ready} holds for it. */
    public Drain step(Beat beat) {
        if (beat != null && !ready(beat.last())) {
            throw new IllegalStateException("a last beat offered " + gap + " cycles too early");
        }
        Drain out = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        if (gap > 0) {
            gap--;
        }
        if (beat != null) {
            for (int r = 0; r < cfg.rows(); r++) {
                long[] row = acc[r];
                for (int c = 0; c < cfg.cols(); c++) {
                    row[c] = ((beat.first() ? 0 : row[c]) + beat.a()[r] * beat.b()[c]) & mask;
                }
            }
            if (beat.last()) {
                for (int r = 0; r < cfg.rows(); r++) {
                    for (int c = 0; c < cfg.cols(); c++) {
                        // this step is cycle T; the ring's slot d steps ahead is read in cycle T + d
                        Drain d = slot((2 * r + c) % ring.length);
                        d.valid()[c] = true;
                        d.value()[c] = acc[r][c];
                    }
                }
                gap = cfg.rows() > 1 ? cfg.lastBeatSpacing() - 1 : 0;
            }
        }
        return out;
    }

    private Drain slot(int ahead) {
        int i = (head + ahead) % ring.length;
        if (ring[i] == null) {
            ring[i] = new Drain(new boolean[cfg.cols()], new long[cfg.cols()]);
        }
        return ring[i];
    }
}
