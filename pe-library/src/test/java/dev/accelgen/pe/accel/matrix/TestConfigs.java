package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.TernaryConfig;
import java.util.List;
import java.util.Set;

/** Small accelerator configurations for matrix-engine tests: one per unit kind and corner (banks, rows per pass). */
final class TestConfigs {
    private TestConfigs() {
    }

    static HwConfig hw(String name, int lanes, int ports, int portBits, int maxRowElems, MatrixUnitSpec... units) {
        return new HwConfig(name, lanes, 256, 256, 512, ports, portBits, List.of(units), Set.of(), maxRowElems,
                Math.min(64, maxRowElems), 64, 4, 64, 16, 4);
    }

    static MatrixEngineConfig mixpeWide() {
        return new MatrixEngineConfig(hw("mixpe_wide", 8, 1, 512, 64,
                new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 8, 16, 4, MulForm.SHIFT_ADD))), 0);
    }

    static MatrixEngineConfig mixpeNarrow() {
        return new MatrixEngineConfig(hw("mixpe_narrow", 8, 2, 64, 32,
                new MatrixUnitSpec.MixPe(new MixPeConfig(3, ActType.INT16, 2, 4, 2, MulForm.SHIFT_ADD))), 0);
    }

    static MatrixEngineConfig ternary2bit() {
        return new MatrixEngineConfig(hw("ternary_2bit", 16, 1, 64, 64,
                new MatrixUnitSpec.Ternary(new TernaryConfig(8, 8, dev.accelgen.pe.ternary.Packing.TWO_BIT, LaneForm.LUT6_2))), 0);
    }

    static MatrixEngineConfig ternaryBase3() {
        return new MatrixEngineConfig(hw("ternary_base3", 4, 1, 128, 32,
                new MatrixUnitSpec.Ternary(new TernaryConfig(16, 6, dev.accelgen.pe.ternary.Packing.BASE3, LaneForm.LUT6_2))), 0);
    }

    static MatrixEngineConfig dspInt8x2() {
        return new MatrixEngineConfig(hw("dsp_int8x2", 8, 1, 128, 48,
                new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.INT8X2, new Sparsity.NOfM(2, 4)))), 0);
    }

    static MatrixEngineConfig dspInt4x4() {
        return new MatrixEngineConfig(hw("dsp_int4x4", 4, 1, 128, 32,
                new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.INT4X4, new Sparsity.Block(2)))), 0);
    }

    static MatrixEngineConfig dspNone() {
        return new MatrixEngineConfig(hw("dsp_none", 8, 1, 64, 32,
                new MatrixUnitSpec.DspChain(new DspChainConfig(2, Packing.NONE, new Sparsity.NOfM(1, 4)))), 0);
    }

    static MatrixEngineConfig systolic() {
        return new MatrixEngineConfig(hw("systolic_s8", 8, 1, 64, 32,
                new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4))), 0);
    }

    static MatrixEngineConfig systolicUnsigned() {
        return new MatrixEngineConfig(hw("systolic_u6", 4, 1, 64, 16,
                new MatrixUnitSpec.Systolic(new SystolicConfig(2, 4, 6, 5, 20, false))), 0);
    }

    static MatrixEngineConfig mixpeBanked() {
        return new MatrixEngineConfig(hw("mixpe_banked", 4, 1, 128, 32,
                new MatrixUnitSpec.MixPe(new MixPeConfig(2, ActType.INT8, 4, 8, 2, MulForm.SHIFT_ADD))), 0);
    }

    static MatrixEngineConfig dspInt8x2Narrow() {
        return new MatrixEngineConfig(hw("dsp_int8x2_v4", 4, 1, 128, 32,
                new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.INT8X2, new Sparsity.NOfM(2, 4)))), 0);
    }

    static MatrixEngineConfig systolicNarrow() {
        return new MatrixEngineConfig(hw("systolic_s8_v4", 4, 1, 64, 16,
                new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4))), 0);
    }

    /** Small configurations (V = 4) covering every kind and corner: the default suite's Verilator bundle. */
    static List<MatrixEngineConfig> ci() {
        return List.of(mixpeBanked(), ternaryBase3(), dspInt8x2Narrow(), dspInt4x4(), systolicNarrow(), systolicUnsigned());
    }

    static List<MatrixEngineConfig> all() {
        return List.of(mixpeWide(), mixpeNarrow(), mixpeBanked(), ternary2bit(), ternaryBase3(), dspInt8x2(),
                dspInt8x2Narrow(), dspInt4x4(), dspNone(), systolic(), systolicNarrow(), systolicUnsigned());
    }
}
