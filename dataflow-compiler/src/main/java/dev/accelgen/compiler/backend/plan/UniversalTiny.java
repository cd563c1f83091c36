package dev.accelgen.compiler.backend.plan;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.ternary.TernaryConfig;
import java.util.EnumSet;
import java.util.List;

/**
 * One configuration per board that runs every tiny zoo model under the schemes the acceptance names (tiny-llama
 * w4a8 and int8-2:4, tiny-mmfree ternary, tiny-moe-vit w4a8, tiny-encoder int8), so CI builds one core and runs them
 * all: a MixPE w4a8 unit with group 32, a ternary unit, and a DSP chain (one int8 column per DSP) with a 2:4 sparse
 * mode (dense int8 runs in its dense mode), each as {@link UnitSizing} would size it for those models; 8 vector lanes (the models'
 * head dimension); buffers for 32-row chunks. Two ports of the board's width.
 */
public final class UniversalTiny {
    public static final String NAME = "tiny_universal";
    /** How {@code --hw} names it. */
    public static final String SPEC = "builtin:tiny-universal";

    private UniversalTiny() {
    }

    public static HwConfig of(MemoryTarget target) {
        List<MatrixUnitSpec> units = List.of(
                new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 32, 32, 1, MulForm.SHIFT_ADD)),
                new MatrixUnitSpec.Ternary(new TernaryConfig(8, 8, dev.accelgen.pe.ternary.Packing.BASE3)),
                new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.NONE, new Sparsity.NOfM(2, 4))));
        EnumSet<Opcode> ops = EnumSet.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VACT, Opcode.VRMSNORM, Opcode.VLAYERNORM,
                Opcode.VATTN, Opcode.VROPE, Opcode.VMLGRU, Opcode.VTOPK, Opcode.VSCATTER, Opcode.VROWSCALE, Opcode.VCOPY);
        return new HwConfig(NAME, 8, 2048, 256, 1024, Math.min(2, target.maxPorts()), target.portBits(), units, ops, 128, 8, 64,
                HwPlanner.QUEUE_DEPTH, 256, HwPlanner.MAX_BURST, HwPlanner.MAX_OUTSTANDING);
    }
}
