package dev.accelgen.pe.accel;

import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.TernaryConfig;

/** One matrix unit of an accelerator: which pe-library unit, in which configuration. */
public sealed interface MatrixUnitSpec {
    /** The unit kind's CLI name (mixpe, ternary, dsp-chain, systolic). */
    String kind();

    /** Multiply-accumulates per cycle at full throughput. */
    long macsPerCycle();

    record MixPe(MixPeConfig config) implements MatrixUnitSpec {
        public String kind() {
            return "mixpe";
        }

        public long macsPerCycle() {
            return config.macs();
        }
    }

    record Ternary(TernaryConfig config) implements MatrixUnitSpec {
        public String kind() {
            return "ternary";
        }

        public long macsPerCycle() {
            return config.lanes();
        }
    }

    record DspChain(DspChainConfig config) implements MatrixUnitSpec {
        public String kind() {
            return "dsp-chain";
        }

        public long macsPerCycle() {
            return (long) config.length() * config.packing().lanes();
        }
    }

    record Systolic(SystolicConfig config) implements MatrixUnitSpec {
        public String kind() {
            return "systolic";
        }

        public long macsPerCycle() {
            return (long) config.rows() * config.cols();
        }
    }
}
