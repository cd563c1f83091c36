package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.MixPeTiles;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeCycle;

/** MixPE: the beat goes straight into the unit; its {@code out} registers are the fragment (one row, C columns). */
final class MixPeModel implements UnitModel {
    private final MixPeCycle unit;
    private final MixPeTiles tiles;

    MixPeModel(MixPeConfig c) {
        this.unit = new MixPeCycle(c);
        this.tiles = new MixPeTiles(c);
    }

    @Override
    public long[] step(IssueStage.Beat beat, boolean nextSparse) {
        return unit.step(beat == null ? null : tiles.beat(beat.last(), beat.codes()[0], beat.payload()));
    }
}
