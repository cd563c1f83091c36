package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.pe.accel.HwConfig;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The unit and the column tiles ({@link Tiling}) of every projection of a model on one configuration. */
public final class TilePlan {
    private final UnitMap units;
    private final Map<Projection, List<Tiling.Tile>> tiles = new IdentityHashMap<>();

    private TilePlan(UnitMap units) {
        this.units = units;
    }

    public static TilePlan of(LirModel m, HwConfig hw, String source) {
        TilePlan t = new TilePlan(UnitMap.of(hw, m, source));
        for (NamedProjection np : NamedProjection.of(m)) {
            int u = t.units.unit(np.p());
            t.tiles.put(np.p(), Tiling.of(np.p(), hw.matrixUnits().get(u), hw, np.name(), source));
        }
        return t;
    }

    public int unit(Projection p) {
        return units.unit(p);
    }

    public List<Tiling.Tile> tiles(Projection p) {
        List<Tiling.Tile> t = tiles.get(p);
        if (t == null) {
            throw new IllegalStateException("projection " + p.k() + "x" + p.n() + " has no tiles");
        }
        return t;
    }
}
