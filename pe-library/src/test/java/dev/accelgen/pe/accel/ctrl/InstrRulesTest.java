package dev.accelgen.pe.accel.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.IllegalInstructionException;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.InstrCodec;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.RandomInstrs;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.HwConfig;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The controller's checks on raw bits ({@link InstrRules}) against the ISA's decoder: a word the core accepts
 * decodes (except VROPE with len not a multiple of headDim, which the core does not check), and a word that
 * decodes into an instruction the configuration can execute is accepted.
 */
class InstrRulesTest {
    private static final int COUNT = 40;

    @Test
    void rulesAgreeWithTheDecoder() {
        RuleCheck rules = new RuleCheck(DecoderRtlTest.ALL);
        Random rng = new Random(11);
        Map<Opcode, int[]> seen = new EnumMap<>(Opcode.class);
        for (int n = 0; n < 40_000; n++) {
            Opcode op = Opcode.values()[rng.nextInt(Opcode.values().length)];
            byte[] b = InstrCodec.encode(RandomInstrs.of(op, rng));
            for (int f = rng.nextInt(3); f > 0; f--) {
                int bit = rng.nextInt(256);
                b[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            InstrWord w = InstrWord.of(b, 0);
            String violation = rules.rawViolation(w, COUNT);
            Instr decoded = decode(b);
            if (violation == null) {
                assertTrue(decoded != null || ropeLength(w), () -> "accepted but does not decode: " + w.opcode());
            }
            if (decoded != null && executable(decoded)) {
                assertNull(violation, () -> decoded + " decodes and fits the configuration");
            }
            seen.computeIfAbsent(op, o -> new int[2])[violation == null ? 0 : 1]++;
        }
        for (Opcode o : Opcode.values()) {
            assertTrue(seen.get(o)[0] > 0 && seen.get(o)[1] > 0, o + " saw legal and illegal words: " + seen.get(o)[0]
                    + " / " + seen.get(o)[1]);
        }
    }

    @Test
    void unknownAndUnsupportedOpcodesAreRefused() {
        RuleCheck noVector = new RuleCheck(new HwConfig("plain", 4, 64, 16, 16, 1, 64, List.of(), Set.of(), 4, 2, 1, 4, 64,
                4, 2));
        byte[] b = new byte[32];
        b[0] = 0x7F;
        assertEquals("unknown opcode 0x7f", noVector.rawViolation(InstrWord.of(b, 0), COUNT));
        b[0] = (byte) Opcode.VSOFTMAX.code();
        assertEquals("VSOFTMAX is not implemented by this configuration", noVector.rawViolation(InstrWord.of(b, 0), COUNT));
    }

    private static boolean ropeLength(InstrWord w) {
        return w.opcode() == Opcode.VROPE;
    }

    private static Instr decode(byte[] b) {
        try {
            return InstrCodec.decode(b);
        } catch (IllegalInstructionException e) {
            return null;
        }
    }

    /** Within the configuration: ports below 3, strides of ABUF rows aligned to 8 bytes, units below 2, sparse only on
     *  unit 0, branches inside the program. */
    private static boolean executable(Instr i) {
        if (i instanceof Ld ld) {
            return ld.port() < 3 && (ld.target() != Ld.LdTarget.ABUF || ld.srcStride() % 8 == 0);
        } else if (i instanceof St st) {
            return st.port() < 3 && st.dstStride() % 8 == 0;
        } else if (i instanceof Mm mm) {
            return mm.unit() < 2 && (!mm.sparse() || mm.unit() == 0);
        } else if (i instanceof ControlInstr.Branch br) {
            return br.target() < COUNT;
        }
        return true;
    }
}
