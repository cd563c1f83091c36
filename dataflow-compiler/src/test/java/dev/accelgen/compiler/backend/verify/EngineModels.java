package dev.accelgen.compiler.backend.verify;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.mlgru.MlgruModel;
import dev.accelgen.pe.vector.moe.ScatterModel;
import dev.accelgen.pe.vector.moe.TopKModel;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeModel;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every compute engine model a configuration's instructions need, vector families then matrix units, for running
 * compiled programs in {@code AccelModel} while the core's engine catalog does not list the attention-family engines
 * yet (VATTN, VROPE, VMLGRU, VTOPK, VSCATTER).
 */
final class EngineModels {
    private EngineModels() {
    }

    static ComputeEngines all() {
        return hw -> {
            VecEngineConfig vec = VecEngineConfig.of(hw);
            EngineGeometry g = EngineGeometry.of(hw, false);
            List<ComputeEngines.Bound> out = new ArrayList<>();
            add(out, hw, Set.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY), new EltwiseModel(vec), g);
            add(out, hw, Set.of(Opcode.VACT), new ActModel(vec), g);
            add(out, hw, Set.of(Opcode.VRMSNORM, Opcode.VLAYERNORM), new NormModel(vec), g);
            add(out, hw, Set.of(Opcode.VROWSCALE), new RowScaleModel(vec), g);
            add(out, hw, Set.of(Opcode.VATTN), new AttnModel(AttnConfig.of(hw)), g);
            add(out, hw, Set.of(Opcode.VROPE), new RopeModel(RopeConfig.of(hw)), g);
            add(out, hw, Set.of(Opcode.VMLGRU), new MlgruModel(vec), g);
            add(out, hw, Set.of(Opcode.VTOPK), new TopKModel(vec), g);
            add(out, hw, Set.of(Opcode.VSCATTER), new ScatterModel(vec), g);
            EngineGeometry w = EngineGeometry.of(hw, true);
            for (int u = 0; u < hw.matrixUnits().size(); u++) {
                out.add(new ComputeEngines.Bound(new MatrixEngineModel(new MatrixEngineConfig(hw, u)), w.abufAddrBits(),
                        w.sbufAddrBits(), w.wbufAddrBits()));
            }
            return out;
        };
    }

    private static void add(List<ComputeEngines.Bound> out, HwConfig hw, Set<Opcode> ops, EngineModel m, EngineGeometry g) {
        for (Opcode o : ops) {
            if (hw.vectorOps().contains(o)) {
                out.add(new ComputeEngines.Bound(m, g.abufAddrBits(), g.sbufAddrBits(), g.wbufAddrBits()));
                return;
            }
        }
    }
}
