package dev.accelgen.pe.accel.core;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.act.ActEngine;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.norm.NormEngine;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rowscale.RowScaleEngine;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The compute engines a core of a configuration holds, in dispatcher order: one per vector function family
 * any of whose instructions the configuration lists, then one per matrix unit. A configuration naming an
 * instruction or unit kind no engine implements yet is refused.
 */
public final class EngineCatalog {
    private EngineCatalog() {
    }

    /** A vector function family: its generator and model. */
    private record Family(EngineGen<VecEngineConfig> gen, Function<VecEngineConfig, EngineModel> model) {
    }

    private static final List<Family> FAMILIES = List.of(new Family(new EltwiseEngine(), EltwiseModel::new),
            new Family(new ActEngine(), ActModel::new), new Family(new NormEngine(), NormModel::new),
            new Family(new RowScaleEngine(), RowScaleModel::new));

    public static List<EngineSlot<?>> of(HwConfig c) {
        List<EngineSlot<?>> out = new ArrayList<>();
        Set<Opcode> covered = EnumSet.noneOf(Opcode.class);
        VecEngineConfig vec = VecEngineConfig.of(c);
        for (Family f : FAMILIES) {
            Set<Opcode> ops = f.gen().opcodes(vec);
            if (!disjoint(c.vectorOps(), ops)) {
                out.add(new EngineSlot<>(f.gen(), vec, -1, () -> f.model().apply(vec)));
                covered.addAll(ops);
            }
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
