package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.HwConfig;
import java.util.IdentityHashMap;
import java.util.Map;

/** Which matrix unit of a configuration runs each projection of a model: the first unit that serves it. */
public final class UnitMap {
    private final Map<Projection, Integer> units = new IdentityHashMap<>();

    private UnitMap() {
    }

    /**
     * Maps every projection of {@code m}; a projection no unit of {@code hw} serves is refused naming the unit it
     * needs ({@code source} names the configuration).
     */
    public static UnitMap of(HwConfig hw, LirModel m, String source) {
        UnitMap map = new UnitMap();
        for (NamedProjection np : NamedProjection.of(m)) {
            int u = find(hw, np);
            if (u < 0) {
                throw new PlanError(source, "has no unit for " + np.name() + " (" + np.p().scheme().label() + " " + np.p().k() + "x"
                        + np.p().n() + "): it needs " + UnitMatch.need(np.p()));
            }
            map.units.put(np.p(), u);
        }
        return map;
    }

    /** The unit running {@code p}. */
    public int unit(Projection p) {
        Integer u = units.get(p);
        if (u == null) {
            throw new IllegalStateException("projection " + p.k() + "x" + p.n() + " is not part of the mapped model");
        }
        return u;
    }

    static int unitFor(HwConfig hw, NamedProjection np) {
        int u = find(hw, np);
        if (u < 0) {
            throw new IllegalStateException("the planned configuration lacks a unit for " + np.name());
        }
        return u;
    }

    private static int find(HwConfig hw, NamedProjection np) {
        for (int i = 0; i < hw.matrixUnits().size(); i++) {
            if (UnitMatch.serves(hw.matrixUnits().get(i), np.p())) {
                return i;
            }
        }
        return -1;
    }
}
