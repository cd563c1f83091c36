package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import org.junit.jupiter.api.Test;

/** The Java model against hand-computed UG579/WP486 examples. */
class Dsp48e2ModelTest {
    private static final long M48 = (1L << 48) - 1;
    /** OPMODE with W=0, Z=0, Y=M, X=M: P = M. */
    private static final int OP_M = 0b00_000_01_01;
    /** OPMODE with Z=P, Y=M, X=M: P = P + M (MACC). */
    private static final int OP_MACC = 0b00_010_01_01;
    /** OPMODE with Z=PCIN, Y=M, X=M: P = PCIN + M (cascade). */
    private static final int OP_CASCADE = 0b00_001_01_01;

    private static final Dsp48e2Params COMB = new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0);

    private static long pat(long v, int bits) {
        return v & ((1L << bits) - 1);
    }

    @Test
    void maccAccumulatesAfterThreeRegisterStages() {
        Dsp48e2Model m = new Dsp48e2Model(new Dsp48e2Params(1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, false, 0));
        Dsp48e2Pins in = Dsp48e2Pins.running(3, pat(-5, 18), 0, 0, 0, OP_MACC, 0, 0);
        long[] expected = {0, 0, 0, pat(-15, 48), pat(-30, 48), pat(-45, 48)};
        for (int cycle = 0; cycle < expected.length; cycle++) {
            assertEquals(expected[cycle], m.step(in).p(), "cycle " + cycle);
        }
    }

    @Test
    void wp486PackedPreAdderProductSeparatesIntoTwoLanes() {
        // (a1 * 2^18 + a2) * w with a1 = -3, a2 = 5, w = -7: the A port carries a1 << 18 sign-extended to 30 bits.
        Dsp48e2Model m = new Dsp48e2Model(Dsp48e2Params.chainSlice(true));
        Dsp48e2Pins in = Dsp48e2Pins.running(1072955392L, 262137L, 0, 5, 0b00100, OP_M, 0, 0);
        for (int cycle = 0; cycle < 4; cycle++) {
            assertEquals(0, m.step(in).p(), "cycle " + cycle);
        }
        long p = m.step(in).p();
        assertEquals(5504989L, p);
        assertEquals(262109L, p & 0x3FFFF);          // lower lane: 5 * -7 = -35 as an 18-bit pattern
        assertEquals(20L, p >> 18);                    // upper lane before correction: 21 - 1 (borrow)
        assertEquals(21L, (p >> 18) + (p >> 17 & 1));  // corrected upper lane: -3 * -7
    }

    @Test
    void preAdderSubtractsWhenInmode3IsSet() {
        Dsp48e2Model m = new Dsp48e2Model(new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, 0));
        assertEquals(140, m.step(Dsp48e2Pins.running(30, 2, 0, 100, 0b01100, OP_M, 0, 0)).p());
        assertEquals(pat(-60, 48), m.step(Dsp48e2Pins.running(30, 2, 0, 0, 0b01000, OP_M, 0, 0)).p());
        // INMODE[1] zeroes A: (100 - 0) * 2
        assertEquals(200, m.step(Dsp48e2Pins.running(30, 2, 0, 100, 0b01110, OP_M, 0, 0)).p());
    }

    @Test
    void preAdderWrapsAt27Bits() {
        Dsp48e2Model m = new Dsp48e2Model(new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, 0));
        // D = A = 2^25: 2^26 wraps to -2^26 in 27 bits; times 1.
        long twoTo25 = 1L << 25;
        assertEquals(pat(-(1L << 26), 48), m.step(Dsp48e2Pins.running(twoTo25, 1, 0, twoTo25, 0b00100, OP_M, 0, 0)).p());
    }

    @Test
    void multiplierSignExtendsA26AndIgnoresA29to27() {
        Dsp48e2Model m = new Dsp48e2Model(COMB);
        assertEquals(pat(-(1L << 26), 48), m.step(Dsp48e2Pins.running(1L << 26, 1, 0, 0, 0, OP_M, 0, 0)).p());
        assertEquals(pat(-3, 48), m.step(Dsp48e2Pins.running(0x38000001L, pat(-3, 18), 0, 0, 0, OP_M, 0, 0)).p());
        // largest magnitude product: -2^26 * -2^17 = 2^43
        assertEquals(1L << 43, m.step(Dsp48e2Pins.running(1L << 26, 1L << 17, 0, 0, 0, OP_M, 0, 0)).p());
    }

    @Test
    void aluModesOnCAndM() {
        Dsp48e2Model m = new Dsp48e2Model(COMB);
        int zcMinusM = 0b00_011_01_01;
        assertEquals(58, m.step(Dsp48e2Pins.running(6, 7, 100, 0, 0, zcMinusM, 0b0011, 0)).p());
        assertEquals(142, m.step(Dsp48e2Pins.running(6, 7, 100, 0, 0, zcMinusM, 0b0000, 0)).p());
        assertEquals(pat(-59, 48), m.step(Dsp48e2Pins.running(6, 7, 100, 0, 0, zcMinusM, 0b0001, 0)).p()); // 42-100-1
        assertEquals(pat(-143, 48), m.step(Dsp48e2Pins.running(6, 7, 100, 0, 0, zcMinusM, 0b0010, 0)).p()); // -(142)-1
        // Y = all ones adds -1; W = RND
        Dsp48e2Model rnd = new Dsp48e2Model(new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 1 << 20));
        assertEquals((1 << 20) + 99, rnd.step(Dsp48e2Pins.running(0, 0, 100, 0, 0, 0b10_011_10_00, 0, 0)).p());
    }

    @Test
    void cascadeAndArithmeticShiftOfPcin() {
        Dsp48e2Model m = new Dsp48e2Model(COMB);
        assertEquals(1000 + 42, m.step(Dsp48e2Pins.running(6, 7, 0, 0, 0, OP_CASCADE, 0, 1000)).p());
        assertEquals(pat(-8, 48), m.step(Dsp48e2Pins.running(0, 0, 0, 0, 0, 0b00_101_00_00, 0, pat(-(1L << 20), 48))).p());
        assertEquals(1L << 3, m.step(Dsp48e2Pins.running(0, 0, 0, 0, 0, 0b00_101_00_00, 0, 1L << 20)).p());
    }

    @Test
    void abConcatenationAndCarryIn() {
        Dsp48e2Model m = new Dsp48e2Model(COMB);
        Dsp48e2Pins in = new Dsp48e2Pins(0x2AAAAAAAL, 0x15555L, 0, 0, 0, 0b00_000_00_11, 0, 1, 0, 0, Dsp48e2Pins.CE_ALL, 0);
        assertEquals((0x2AAAAAAAL << 18 | 0x15555L) + 1 & M48, m.step(in).p());
    }

    @Test
    void clockEnableHoldsAndResetClears() {
        Dsp48e2Model m = new Dsp48e2Model(new Dsp48e2Params(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, false, 0));
        Dsp48e2Pins add5 = Dsp48e2Pins.running(5, 1, 0, 0, 0, OP_MACC, 0, 0);
        m.step(add5);
        m.step(add5);
        assertEquals(10, m.step(new Dsp48e2Pins(5, 1, 0, 0, 0, OP_MACC, 0, 0, 0, 0,
                Dsp48e2Pins.CE_ALL & ~(1 << Dsp48e2Pins.CE_P), 0)).p());
        assertEquals(10, m.step(new Dsp48e2Pins(5, 1, 0, 0, 0, OP_MACC, 0, 0, 0, 0, Dsp48e2Pins.CE_ALL,
                1 << Dsp48e2Pins.RST_P)).p());
        assertEquals(0, m.step(add5).p());
        assertEquals(5, m.step(add5).p());
    }

    @Test
    void a1RegisterIsSelectedByInmode0OnlyWithTwoARegisters() {
        Dsp48e2Model m = new Dsp48e2Model(new Dsp48e2Params(2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0));
        m.step(Dsp48e2Pins.running(7, 1, 0, 0, 0, OP_M, 0, 0));
        // A1 holds 7, A2 holds 0 (A1's old value): INMODE[0]=1 multiplies A1, 0 multiplies A2.
        assertEquals(7, m.step(Dsp48e2Pins.running(9, 1, 0, 0, 0b00001, OP_M, 0, 0)).p());
        assertEquals(7, m.step(Dsp48e2Pins.running(9, 1, 0, 0, 0b00000, OP_M, 0, 0)).p());
    }

    private static String rejection(Dsp48e2Params params, int opmode, int alumode, int carryinsel) {
        Dsp48e2Model m = new Dsp48e2Model(params);
        return assertThrows(IllegalArgumentException.class, () -> m.step(new Dsp48e2Pins(0, 0, 0, 0, 0, opmode, alumode,
                0, carryinsel, 0, Dsp48e2Pins.CE_ALL, 0))).getMessage();
    }

    @Test
    void ug579OpmodeRulesAreEnforced() {
        Dsp48e2Params preg = new Dsp48e2Params(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, false, 0);
        // X and Y carry the multiplier's two partial products: one without the other is illegal
        assertEquals("OPMODE 000000001: X=M requires Y=M (the multiplier's two partial products), got Y=00 (UG579)",
                rejection(COMB, 0b00_000_00_01, 0, 0));
        assertEquals("OPMODE 000001101: X=M requires Y=M (the multiplier's two partial products), got Y=11 (UG579)",
                rejection(COMB, 0b00_000_11_01, 0, 0));
        assertEquals("OPMODE 000000100: Y=M requires X=M (the multiplier's two partial products), got X=00 (UG579)",
                rejection(COMB, 0b00_000_01_00, 0, 0));
        assertEquals("OPMODE 000000111: Y=M requires X=M (the multiplier's two partial products), got X=11 (UG579)",
                rejection(COMB, 0b00_000_01_11, 0, 0));
        // every P selection needs the P register
        assertEquals("OPMODE 010000000: W=P requires PREG=1, got PREG=0 (UG579)", rejection(COMB, 0b01_000_00_00, 0, 0));
        assertEquals("OPMODE 000000010: X=P requires PREG=1, got PREG=0 (UG579)", rejection(COMB, 0b00_000_00_10, 0, 0));
        assertEquals("OPMODE 000100101: Z=P requires PREG=1, got PREG=0 (UG579)", rejection(COMB, 0b00_010_01_01, 0, 0));
        assertEquals("OPMODE 001100000: Z=P>>17 requires PREG=1, got PREG=0 (UG579)", rejection(COMB, 0b00_110_00_00, 0, 0));
        // Z=100 only with the MACC-extend carry, Z=111 never
        assertEquals("OPMODE 001000000: Z=100 (P, MACC extend) is legal only with CARRYINSEL=010, outside the modelled"
                + " subset (UG579)", rejection(preg, 0b00_100_00_00, 0, 0));
        assertEquals("OPMODE 001110000: Z=111 is an illegal selection (UG579)", rejection(preg, 0b00_111_00_00, 0, 0));
        assertEquals("CARRYINSEL must be 000 in this model (got 010)", rejection(preg, 0b00_000_01_01, 0, 0b010));
        assertEquals("ALUMODE must be 0000, 0001, 0010 or 0011 in this model (got 0100)", rejection(preg, 0b00_000_01_01, 0b0100, 0));
        // the same selections are legal with PREG=1
        Dsp48e2Model m = new Dsp48e2Model(preg);
        m.step(Dsp48e2Pins.running(0, 0, 0, 0, 0, 0b01_110_00_10, 0, 0));
    }

    @Test
    void aGeneratorCannotTieAnIllegalOpmode() {
        ModuleGen<Integer> slice = new ModuleGen<>() {
            @Override
            public String moduleName(Integer opmode) {
                return "one_slice";
            }

            @Override
            public void build(ModuleBuilder b, Integer opmode) {
                Dsp48e2Primitive.control(Dsp48e2Primitive.instantiate(b, "dsp", Dsp48e2Params.chainSlice(true)),
                        Dsp48e2Params.chainSlice(true), opmode, 0);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hdl.elaborate(slice, 0b00_001_00_01));
        assertEquals("OPMODE 000010001: X=M requires Y=M (the multiplier's two partial products), got Y=00 (UG579)",
                e.getMessage());
    }

    @Test
    void attributeAndPinRangesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dsp48e2Params(3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0));
        assertEquals("AREG must be in 0..2 (got 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dsp48e2Pins.running(1L << 30, 0, 0, 0, 0, 0, 0, 0));
        assertEquals("A must be a 30-bit pattern in 0..2^30-1 (got 1073741824)", e.getMessage());
    }
}
