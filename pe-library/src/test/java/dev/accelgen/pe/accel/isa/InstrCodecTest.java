package dev.accelgen.pe.accel.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstrCodecTest {
    private static final long SEED = Long.getLong("accelgen.isa.seed", 20261129L);

    @Test
    void liEncodingMatchesTheDocumentedLayout() {
        // bits [7:0] opcode 0x01, [15:12] rd = 3, [47:16] imm = -2 (two's complement), everything else 0
        byte[] expected = HexFormat.of().parseHex("0130feffffff" + "00".repeat(26));
        byte[] actual = InstrCodec.encode(new ControlInstr.Li(3, -2));
        assertArrayEquals(expected, actual);
        assertEquals(new ControlInstr.Li(3, -2), InstrCodec.decode(expected));
    }

    @Test
    void depsSitInBitsEightToEleven() {
        // SYNC 0x10; deps popPrev (bit 8) + pushNext (bit 11) = 0x9; target COMPUTE (ordinal 1) at bits [13:12]
        byte[] expected = HexFormat.of().parseHex("1019" + "00".repeat(30));
        assertArrayEquals(expected, InstrCodec.encode(new Sync(new Deps(true, false, false, true), Queue.COMPUTE)));
    }

    @Test
    void operandRegisterSitsBelowItsImmediate() {
        // ALU 0x02: op MUL (2) in [14:12] (3 bits for 8 values), rd=5 [18:15], ra=1 [22:19], b.reg=2 [26:23],
        // b.imm=7 [58:27]
        long bits = 0x02L | 2L << 12 | 5L << 15 | 1L << 19 | 2L << 23 | 7L << 27;
        byte[] expected = new byte[32];
        for (int i = 0; i < 8; i++) {
            expected[i] = (byte) (bits >>> (8 * i));
        }
        assertArrayEquals(expected, InstrCodec.encode(new ControlInstr.Alu(ControlInstr.AluOp.MUL, 5, 1, new Opnd(2, 7))));
    }

    @Test
    void everyOpcodeRoundTripsThroughBitsAndText() {
        System.out.println("InstrCodecTest seed " + SEED + " (-Daccelgen.isa.seed=...)");
        Random rng = new Random(SEED);
        for (Opcode op : Opcode.values()) {
            assertTrue(InstrLayout.usedBits(op) <= InstrLayout.BITS, op + " overflows");
            for (int i = 0; i < 200; i++) {
                Instr in = RandomInstrs.of(op, rng);
                assertEquals(in, InstrCodec.decode(InstrCodec.encode(in)), "bits, seed " + SEED);
                assertEquals(in, InstrText.parse(InstrText.format(in)), "text, seed " + SEED);
            }
        }
    }

    @Test
    void fieldsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstrCodec.encode(new ControlInstr.Branch(ControlInstr.Cond.LT, 1, 2, 70_000)));
        assertEquals("BRANCH.target = 70000 does not fit unsigned 16 bits", e.getMessage());
    }

    @Test
    void unknownOpcodesAndStrayBitsAreIllegal() {
        byte[] w = new byte[32];
        w[0] = (byte) 0xEE;
        assertEquals("unknown opcode 0xee", assertThrows(IllegalInstructionException.class, () -> InstrCodec.decode(w)).getMessage());
        byte[] halt = InstrCodec.encode(new ControlInstr.Halt());
        halt[31] = 1;
        assertEquals("HALT has bits set above its last field (bit 248)",
                assertThrows(IllegalInstructionException.class, () -> InstrCodec.decode(halt)).getMessage());
    }

    @Test
    void textErrorsNameTheProblem() {
        assertEquals("unknown mnemonic 'FOO'", assertThrows(IllegalArgumentException.class, () -> InstrText.parse("FOO")).getMessage());
        assertEquals("LI needs field 'imm'", assertThrows(IllegalArgumentException.class, () -> InstrText.parse("LI rd=1")).getMessage());
        assertEquals("LI is not queued and takes no dependency flags",
                assertThrows(IllegalArgumentException.class, () -> InstrText.parse("LI +popPrev rd=1 imm=2")).getMessage());
        assertEquals("LD has no previous queue: popPrev and pushPrev must be false",
                assertThrows(IllegalArgumentException.class, () -> InstrText.parse("LD +popPrev target=abuf mode=linear port=0"
                        + " src=0 dst=0 rows=1 rowBytes=32 srcStride=32 dstStride=1 index=0")).getMessage());
    }
}
