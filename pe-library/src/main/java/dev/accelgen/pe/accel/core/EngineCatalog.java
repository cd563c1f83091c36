package dev.accelgen.pe.accel.core;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The compute engines a core of a configuration holds, in dispatcher order: one per vector function family
 * any of whose instructions the configuration lists, then one per matrix unit. A configuration naming an
 * instruction or unit kind no engine implements yet is refused.
 */
public final class EngineCatalog {
    private EngineCatalog() {
    }

    public static List<EngineSlot<?>> of(HwConfig c) {
        List<EngineSlot<?>> out = new ArrayList<>();
        Set<Opcode> covered = EnumSet.noneOf(Opcode.class);
        VecEngineConfig vec = VecEngineConfig.of(c);
        if (!disjoint(c.vectorOps(), EltwiseEngine.OPS)) {
            out.add(new EngineSlot<>(new EltwiseEngine(), vec, -1, () -> new EltwiseModel(vec)));
            covered.addAll(EltwiseEngine.OPS);
        }
        for (Opcode o : c.vectorOps()) {
            if (!covered.contains(o)) {
                throw new ConfigError("hw.json vectorOps", o + " has no engine yet; remove it from the configuration");
            }
        }
        for (int u = 0; u < c.matrixUnits().size(); u++) {
            MatrixEngineConfig m = new MatrixEngineConfig(c, u);
            out.add(new EngineSlot<>(new MatrixEngine(), m, u, () -> new MatrixEngineModel(m)));
        }
        return List.copyOf(out);
    }

    /** The cycle models of {@link #of}'s engines, for {@code AccelModel}. */
    public static ComputeEngines models() {
        return config -> {
            List<ComputeEngines.Bound> out = new ArrayList<>();
            for (EngineSlot<?> s : of(config)) {
                EngineGeometry g = s.geometry();
                out.add(new ComputeEngines.Bound(s.model().get(), g.abufAddrBits(), g.sbufAddrBits(), g.wbufAddrBits()));
            }
            return out;
        };
    }

    private static boolean disjoint(Set<Opcode> a, Set<Opcode> b) {
        for (Opcode o : a) {
            if (b.contains(o)) {
                return false;
            }
        }
        return true;
    }
}
