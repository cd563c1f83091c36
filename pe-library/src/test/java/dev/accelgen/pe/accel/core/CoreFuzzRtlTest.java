package dev.accelgen.pe.accel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.systolic.SystolicConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random valid programs ({@link ProgramFuzzer}) on two small cores, RTL against {@code AccelModel}: a narrow
 * core (two 64-bit ports, 16-byte ABUF words, a 4x4 systolic array) and a wide one (one 512-bit port,
 * non-power-of-two buffer and instruction-memory depths, a 2:4-sparse DSP chain); both with every vector
 * engine on this branch (element-wise, activation, norms, row scales). Seed: {@code -Daccelgen.fuzz.seed} (default 1); case i uses seed + i.
 */
class CoreFuzzRtlTest {
    static final Set<Opcode> VEC = Set.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY, Opcode.VACT, Opcode.VRMSNORM,
            Opcode.VLAYERNORM, Opcode.VROWSCALE);
    static final HwConfig NARROW = new HwConfig("fuzzn", 4, 64, 16, 16, 2, 64,
            List.of(new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4))), VEC, 8, 2, 1, 4, 64, 4, 2);
    static final HwConfig WIDE = new HwConfig("fuzzw", 4, 48, 16, 10, 1, 512,
            List.of(new MatrixUnitSpec.DspChain(new DspChainConfig(4, Packing.INT8X2, new Sparsity.NOfM(2, 4)))), VEC, 12,
            2, 1, 3, 60, 8, 3);
    static final long SEED = Long.getLong("accelgen.fuzz.seed", 1L);

    @Test
    void narrowCore() {
        run(NARROW, SEED, Integer.getInteger("accelgen.fuzz.narrow", 30));
    }

    @Test
    void wideCore() {
        run(WIDE, SEED + 1_000_000, Integer.getInteger("accelgen.fuzz.wide", 20));
    }

    /** How many instructions of each opcode the program holds. */
    private static Map<Opcode, Long> opcodes(FuzzCase c) {
        return c.program().instrs().stream().collect(Collectors.groupingBy(Instr::opcode, TreeMap::new,
                Collectors.counting()));
    }

    private static void run(HwConfig hw, long base, int cases) {
        ProgramFuzzer fuzzer = new ProgramFuzzer(hw);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            FuzzCase c = fuzzer.draw(base + i);
            CoreVerifyResult r = AccelVerifier.verify(hw, c.run());
            System.out.println(hw.name() + " case seed " + c.seed() + ": " + opcodes(c) + ", done "
                    + r.golden().doneStatus() + ": " + r.summaryLine());
            if (!r.passed()) {
                failures.add("seed " + c.seed() + ": " + r.summaryLine() + "\n" + r.detail() + "\n" + c.listing());
            }
        }
        assertEquals(List.of(), failures, "reproduce with -Daccelgen.fuzz.seed=" + SEED);
    }
}
