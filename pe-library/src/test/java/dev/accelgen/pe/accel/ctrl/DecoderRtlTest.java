package dev.accelgen.pe.accel.ctrl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrCodec;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.RandomInstrs;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.testutil.RtlChecks;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.manifest.ManifestReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated RTL decoder against {@link RuleCheck} and operand resolution, on words near valid
 * instructions of every opcode (valid ones with a few bits flipped) and random words, in Verilator.
 */
class DecoderRtlTest {
    static final HwConfig ALL = new HwConfig("all", 4, 64, 16, 16, 3, 64,
            List.of(new MatrixUnitSpec.DspChain(new DspChainConfig(8, Packing.parse("int8x2"), Sparsity.parse("2:4"))),
                    new MatrixUnitSpec.Systolic(new SystolicConfig(4, 4, 8, 8, 32, true))),
            HwConfig.ALL_VECTOR_OPS, 8, 8, 4, 4, 64, 4, 2);

    @Test
    void rtlDecoderMatchesRuleCheck(@TempDir Path dir) {
        long seed = Long.getLong("accelgen.decoder.seed", 5L);
        Random rng = new Random(seed);
        RuleCheck rules = new RuleCheck(ALL);
        int count = 40;
        int[] regs = new int[16];
        Map<String, BigInteger> statics = new LinkedHashMap<>();
        for (int r = 1; r < 16; r++) {
            regs[r] = rng.nextInt(8) == 0 ? rng.nextInt() : rng.nextInt(256) * 8;
            statics.put("reg_" + r, BigInteger.valueOf(regs[r] & 0xFFFF_FFFFL));
        }
        statics.put("count", BigInteger.valueOf(count));
        List<Beat> beats = new ArrayList<>();
        List<OutputEvent> expected = new ArrayList<>();
        int slots = DecoderProbe.slots(ALL);
        for (int i = 0; i < 3000; i++) {
            long[] limbs = word(rng);
            InstrWord w = new InstrWord(limbs);
            beats.add(new Beat(0, Map.of("word_w", big(limbs))));
            boolean illegal = rules.rawViolation(w, count) != null || rules.operandViolation(w, regs) != null;
            Map<String, BigInteger> v = new LinkedHashMap<>();
            v.put("verdict_illegal", illegal ? BigInteger.ONE : BigInteger.ZERO);
            List<FieldLayout> ops = w.opcode() == null || !InstrRules.supported(ALL).contains(w.opcode()) ? List.of()
                    : InstrFields.operands(w.opcode());
            for (int k = 0; k < slots; k++) {
                long s = k < ops.size() ? (regs[w.operandReg(ops.get(k))] + w.operandImm(ops.get(k))) & 0xFFFF_FFFFL : 0;
                v.put("verdict_slot" + k, BigInteger.valueOf(s));
            }
            expected.add(new OutputEvent(i + 1, "verdict", v));
        }
        Stimulus s = new Stimulus(List.of(new StreamStimulus("word", beats)), seed, statics, List.of());
        Path manifest = RtlChecks.emitAndCheck(Hdl.elaborate(new DecoderProbe(), ALL), dir);
        long[] accepted = new long[beats.size()];
        for (int i = 0; i < accepted.length; i++) {
            accepted[i] = i;
        }
        VerifyResult r = Verifier.verify(ManifestReader.read(manifest),
                st -> Trace.of(expected, Acceptance.of("word", accepted)), s);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
    }

    /** A valid instruction of a random opcode with 0..3 random bits flipped, or (1 in 8) random bits. */
    private static long[] word(Random rng) {
        long[] l = new long[4];
        if (rng.nextInt(8) == 0) {
            for (int i = 0; i < 4; i++) {
                l[i] = rng.nextLong() >>> rng.nextInt(64);
            }
            return l;
        }
        Opcode op = Opcode.values()[rng.nextInt(Opcode.values().length)];
        byte[] b = InstrCodec.encode(RandomInstrs.of(op, rng));
        for (int i = 0; i < 32; i++) {
            l[i / 8] |= (b[i] & 0xFFL) << (8 * (i % 8));
        }
        for (int f = rng.nextInt(4); f > 0; f--) {
            int bit = rng.nextInt(256);
            l[bit / 64] ^= 1L << (bit % 64);
        }
        return l;
    }

    private static BigInteger big(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        }
        return v;
    }
}
