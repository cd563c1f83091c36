package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.TernaryTiles;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryCycle;

/** Ternary: the beat goes straight into the unit; its {@code out} register is the fragment (one column). */
final class TernaryModel implements UnitModel {
    private final TernaryCycle unit;
    private final TernaryTiles tiles;

    TernaryModel(TernaryConfig c) {
        this.unit = new TernaryCycle(c);
        this.tiles = new TernaryTiles(c);
    }

    @Override
    public long[] step(IssueStage.Beat beat, boolean nextSparse) {
        Long out = unit.step(beat == null ? null
                : new TernaryCycle.Beat(beat.last(), beat.codes()[0], tiles.weights(beat.payload())));
        if (out == null) {
            return null;
        }
        return new long[] {out};
    }
}
