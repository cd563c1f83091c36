package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.SystolicTiles;
import dev.accelgen.pe.fixed.Fixed;
import dev.accelgen.pe.stream.Delay;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.systolic.SystolicCycle;

/**
 * Systolic array: beat k carries position k of the pass's R rows; C[r][c] leaves on {@code out_c} in cycle
 * {@code T + 2r + c + 1} (T: the last beat), and column c is delayed {@code C - 1 - c} cycles so that row r's
 * columns meet in cycle {@code T + 2r + C}: one row fragment every other cycle (the unit's unsigned patterns
 * read as two's complement for a signed array).
 */
final class SystolicModel implements UnitModel {
    private final SystolicConfig c;
    private final SystolicCycle array;
    private final SystolicTiles tiles;
    private final java.util.List<Delay<Long>> deskew = new java.util.ArrayList<>();

    SystolicModel(SystolicConfig c) {
        this.c = c;
        this.array = new SystolicCycle(c);
        this.tiles = new SystolicTiles(c);
        for (int col = 0; col < c.cols() - 1; col++) {
            deskew.add(new Delay<>(c.cols() - 1 - col));
        }
    }

    @Override
    public long[] step(IssueStage.Beat beat, boolean nextSparse) {
        SystolicCycle.Beat in = null;
        if (beat != null) {
            long[] a = new long[c.rows()];
            for (int r = 0; r < a.length; r++) {
                a[r] = beat.codes()[r][0];
            }
            long[] b = new long[c.cols()];
            for (int col = 0; col < b.length; col++) {
                b[col] = tiles.weight(beat.payload(), col);
            }
            in = new SystolicCycle.Beat(beat.first(), beat.last(), a, b);
        }
        SystolicCycle.Drain d = array.step(in);
        long[] frag = new long[c.cols()];
        boolean any = false;
        for (int col = 0; col < c.cols(); col++) {
            Long v = d != null && d.valid()[col] ? d.value()[col] : null;
            Long out = col < c.cols() - 1 ? deskew.get(col).step(v) : v;
            if (out != null) {
                frag[col] = c.signed() ? Fixed.wrap(out, c.accBits()) : out;
                any = true;
            } else if (any) {
                throw new IllegalStateException("systolic columns out of step");
            }
        }
        if (!any) {
            return null;
        }
        return frag;
    }
}
