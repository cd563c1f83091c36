package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.dsp.Sparsity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * zoo:tiny-hybrid with the quantization plan it ships (no --scheme): one planned accelerator holds a ternary unit
 * (the BitLinear/MLGRU mixer), a MixPE unit (the W4 attention projections and the MoE experts), a 2:4-sparse DSP
 * chain (the attention's output projection, with the dense int8 LM head on it) and the MoE engines; a prefill and
 * four decode steps in the golden model are bit-identical to the LIR interpreter and within cosine 0.99 of the float
 * model. The RTL run of the same program is {@code accelgen verify zoo:tiny-hybrid --board B} (a Verilator build of
 * minutes, outside CI).
 */
class TinyHybridTest {
    @ParameterizedTest
    @ValueSource(strings = {"zcu104", "u280"})
    void oneAcceleratorRunsEveryUnitKind(String board) {
        Compiled c = Compiler.compile("zoo:tiny-hybrid", null, null, board.equals("u280") ? TinyModelsGoldenTest.U280 : TinyModelsGoldenTest.ZCU104,
                null, "", 0, PlanOptions.defaults(), 1);
        List<MatrixUnitSpec> units = c.hw().matrixUnits();
        assertEquals(List.of("ternary", "mixpe", "dsp-chain"), units.stream().map(MatrixUnitSpec::kind).toList());
        assertEquals(new Sparsity.NOfM(2, 4), ((MatrixUnitSpec.DspChain) units.get(2)).config().sparsity());
        assertTrue(c.hw().vectorOps().containsAll(List.of(Opcode.VMLGRU, Opcode.VROWSCALE, Opcode.VATTN, Opcode.VROPE, Opcode.VTOPK,
                Opcode.VSCATTER)), c.hw().vectorOps().toString());
        LirOp.Moe moe = (LirOp.Moe) c.lir().ops().stream().filter(o -> o instanceof LirOp.Moe).findFirst().orElseThrow();
        assertEquals(4, moe.experts());
        assertEquals(2, moe.topK());
        TinyModelsGoldenTest.check(TinyModelsGoldenTest.verify(c));
    }
}
