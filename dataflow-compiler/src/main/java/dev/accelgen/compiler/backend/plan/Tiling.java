package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.accel.matrix.WeightTiles;
import java.util.ArrayList;
import java.util.List;

/**
 * How a projection is split into MM instructions: column tiles that each fit one WBUF bank and one row of
 * column parameters (at most maxRowElems columns). Columns are independent, so tiling them changes no result bit;
 * every tile but the last spans whole ABUF words and whole column blocks of the unit. The whole reduction (K)
 * stays in one instruction: the unit's row buffer takes maxRowElems positions and its k-beats stream from one
 * bank, and splitting K would round partial sums the interpreter does not round.
 */
public final class Tiling {
    /** Columns [n0, n0 + n) as one MM, its weight tile {@code words} WBUF words. */
    public record Tile(int n0, int n, int words) {
    }

    private Tiling() {
    }

    public static List<Tile> of(Projection p, MatrixUnitSpec unit, HwConfig hw, String name, String source) {
        boolean sparse = UnitMatch.sparse(p);
        if (p.k() > hw.maxRowElems()) {
            throw new PlanError(source, "takes rows of at most maxRowElems " + hw.maxRowElems() + " elements, but " + name
                    + " reduces over K = " + p.k() + "; use a configuration with maxRowElems >= " + p.k());
        }
        int step = Math.max(hw.lanes(), UnitShape.of(unit).colsPerBlock());
        int most = Math.min(hw.maxRowElems() / step * step, (p.n() + step - 1) / step * step);
        while (most >= step && WeightTiles.words(unit, p.k(), Math.min(most, p.n()), sparse) > hw.wbufWords()) {
            most -= step;
        }
        if (most < step) {
            throw new PlanError(source, "has WBUF banks of " + hw.wbufWords() + " words, too few for " + step + " columns of "
                    + name + " (K = " + p.k() + ", " + WeightTiles.words(unit, p.k(), Math.min(step, p.n()), sparse)
                    + " words); use a configuration with more wbufWords");
        }
        List<Tile> tiles = new ArrayList<>();
        for (int n0 = 0; n0 < p.n(); n0 += most) {
            int n = Math.min(most, p.n() - n0);
            tiles.add(new Tile(n0, n, WeightTiles.words(unit, p.k(), n, sparse)));
        }
        return tiles;
    }
}
