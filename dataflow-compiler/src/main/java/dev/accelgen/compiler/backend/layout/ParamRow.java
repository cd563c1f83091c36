package dev.accelgen.compiler.backend.layout;

import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.backend.plan.Tiling;
import java.util.List;

/**
 * The column parameters of a projection as one ABUF-loadable row: per tile, ceil(n/V) words of per-column
 * multipliers M (zero for per-row scaled projections, whose M comes from SBUF) then ceil(n/V) words of bias (zero
 * without one), tiles one after another, so an MM's {@code cparam} is the row's base plus {@link #tileWord}.
 */
public final class ParamRow {
    private ParamRow() {
    }

    /** Whether the projection's MMs read column parameters at all. */
    public static boolean needed(Projection p) {
        return p.act() instanceof ActQuant.PerTensor || p.bias() != null;
    }

    /** ABUF words of the row. */
    public static int words(List<Tiling.Tile> tiles, int lanes) {
        int w = 0;
        for (Tiling.Tile t : tiles) {
            w += 2 * words(t.n(), lanes);
        }
        return w;
    }

    /** The word where tile {@code i}'s multipliers start. */
    public static int tileWord(List<Tiling.Tile> tiles, int i, int lanes) {
        int w = 0;
        for (int j = 0; j < i; j++) {
            w += 2 * words(tiles.get(j).n(), lanes);
        }
        return w;
    }

    public static int[] values(Projection p, List<Tiling.Tile> tiles, int lanes) {
        int[] row = new int[words(tiles, lanes) * lanes];
        for (int i = 0; i < tiles.size(); i++) {
            Tiling.Tile t = tiles.get(i);
            int m0 = tileWord(tiles, i, lanes) * lanes;
            int b0 = m0 + words(t.n(), lanes) * lanes;
            for (int c = 0; c < t.n(); c++) {
                if (p.m() != null) {
                    row[m0 + c] = p.m()[t.n0() + c];
                }
                if (p.bias() != null) {
                    row[b0 + c] = p.bias()[t.n0() + c];
                }
            }
        }
        return row;
    }

    private static int words(int n, int lanes) {
        return (n + lanes - 1) / lanes;
    }
}
