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
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnEngine;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.mlgru.MlgruEngine;
import dev.accelgen.pe.vector.mlgru.MlgruModel;
import dev.accelgen.pe.vector.moe.ScatterEngine;
import dev.accelgen.pe.vector.moe.ScatterModel;
import dev.accelgen.pe.vector.moe.TopKEngine;
import dev.accelgen.pe.vector.moe.TopKModel;
import dev.accelgen.pe.vector.norm.NormEngine;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeEngine;
import dev.accelgen.pe.vector.rope.RopeModel;
import dev.accelgen.pe.vector.rowscale.RowScaleEngine;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import dev.accelgen.pe.vector.softmax.SoftmaxEngine;
import dev.accelgen.pe.vector.softmax.SoftmaxModel;
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

    /** A vector function family: its generator, its configuration from the core's, and its model. */
    private record Family<C>(EngineGen<C> gen, Function<HwConfig, C> config, Function<C, EngineModel> model) {
        static Family<VecEngineConfig> vec(EngineGen<VecEngineConfig> gen, Function<VecEngineConfig, EngineModel> model) {
            return new Family<>(gen, VecEngineConfig::of, model);
        }

        Set<Opcode> opcodes(HwConfig c) {
            return gen.opcodes(config.apply(c));
        }

        EngineSlot<C> slot(HwConfig c) {
            C cfg = config.apply(c);
            return new EngineSlot<>(gen, cfg, -1, () -> model.apply(cfg));
        }
    }

    private static final List<Family<?>> FAMILIES = List.of(Family.vec(new EltwiseEngine(), EltwiseModel::new),
            Family.vec(new ActEngine(), ActModel::new), Family.vec(new NormEngine(), NormModel::new),
            Family.vec(new RowScaleEngine(), RowScaleModel::new), Family.vec(new SoftmaxEngine(), SoftmaxModel::new),
            new Family<>(new AttnEngine(), AttnConfig::of, AttnModel::new), new Family<>(new RopeEngine(), RopeConfig::of, RopeModel::new),
            Family.vec(new MlgruEngine(), MlgruModel::new), Family.vec(new TopKEngine(), TopKModel::new),
            Family.vec(new ScatterEngine(), ScatterModel::new));

    public static List<EngineSlot<?>> of(HwConfig c) {
        List<EngineSlot<?>> out = new ArrayList<>();
        Set<Opcode> covered = EnumSet.noneOf(Opcode.class);
        for (Family<?> f : FAMILIES) {
            Set<Opcode> ops = f.opcodes(c);
            if (!disjoint(c.vectorOps(), ops)) {
                out.add(f.slot(c));
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
