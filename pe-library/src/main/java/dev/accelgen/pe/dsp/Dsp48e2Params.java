package dev.accelgen.pe.dsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DSP48E2 attributes of the subset we model (UG579 names). Unmodelled attributes are fixed at the
 * values our generators use: USE_MULT="MULTIPLY", USE_SIMD="ONE48", A_INPUT/B_INPUT="DIRECT",
 * PREADDINSEL="A", BMULTSEL="B", CARRYINSEL 000 only.
 *
 * @param areg       A pipeline registers, 0..2 (2 = A1 and A2; INMODE[0] picks A1 only when areg=2)
 * @param breg       B pipeline registers, 0..2 (INMODE[4] picks B1 only when breg=2)
 * @param creg       C register, 0..1
 * @param dreg       D register, 0..1
 * @param adreg      pre-adder output register, 0..1
 * @param mreg       multiplier output register, 0..1
 * @param preg       P register, 0..1; selecting P feedback (W/X/Z = P) needs preg=1 ({@link Dsp48e2Opmode})
 * @param inmodereg  INMODE register, 0..1
 * @param opmodereg  OPMODE and CARRYINSEL register, 0..1
 * @param alumodereg ALUMODE register, 0..1
 * @param carryinreg CARRYIN register, 0..1
 * @param preAdder   AMULTSEL="AD" (multiplier takes the pre-adder output) instead of "A"
 * @param rnd        the RND constant the W multiplexer can select, a 48-bit pattern
 */
public record Dsp48e2Params(int areg, int breg, int creg, int dreg, int adreg, int mreg, int preg,
                            int inmodereg, int opmodereg, int alumodereg, int carryinreg,
                            boolean preAdder, long rnd) {
    public Dsp48e2Params {
        check("AREG", areg, 2);
        check("BREG", breg, 2);
        check("CREG", creg, 1);
        check("DREG", dreg, 1);
        check("ADREG", adreg, 1);
        check("MREG", mreg, 1);
        check("PREG", preg, 1);
        check("INMODEREG", inmodereg, 1);
        check("OPMODEREG", opmodereg, 1);
        check("ALUMODEREG", alumodereg, 1);
        check("CARRYINREG", carryinreg, 1);
        if (rnd < 0 || rnd >= 1L << 48) {
            throw new IllegalArgumentException("RND must be a 48-bit pattern in 0..2^48-1 (got " + rnd + ")");
        }
    }

    private static void check(String name, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + " (got " + v + ")");
        }
    }

    /**
     * A MAC slice as the chain uses it: A, D and AD registers on the pre-adder path balanced by B1 and B2
     * (BREG=2) when the pre-adder is used, else one A and one B register; then M and P.
     */
    public static Dsp48e2Params chainSlice(boolean preAdder) {
        return new Dsp48e2Params(1, preAdder ? 2 : 1, 0, preAdder ? 1 : 0, preAdder ? 1 : 0, 1, 1, 0, 0, 0, 0, preAdder, 0);
    }

    /** Register stages on the multiplier's A-side path: A (or D) registers plus AD when the pre-adder is used. */
    public int aPathRegisters() {
        return preAdder ? Math.max(areg, dreg) + adreg : areg;
    }

    /**
     * Cycles from A/B/D at the pins to the product entering the ALU (input path plus M register). Only
     * defined when the A-side and B-side paths are balanced.
     */
    public int productLatency() {
        if (aPathRegisters() != breg || preAdder && areg != dreg) {
            throw new IllegalStateException("unbalanced DSP48E2 input paths: A-side " + aPathRegisters() + " (AREG " + areg
                    + ", DREG " + dreg + ") vs B-side " + breg + " registers");
        }
        return aPathRegisters() + mreg;
    }

    /** The Verilog parameter overrides for an instance, in UG579 spelling. */
    public Map<String, String> verilogParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AREG", Integer.toString(areg));
        p.put("ACASCREG", Integer.toString(areg));
        p.put("BREG", Integer.toString(breg));
        p.put("BCASCREG", Integer.toString(breg));
        p.put("CREG", Integer.toString(creg));
        p.put("DREG", Integer.toString(dreg));
        p.put("ADREG", Integer.toString(adreg));
        p.put("MREG", Integer.toString(mreg));
        p.put("PREG", Integer.toString(preg));
        p.put("INMODEREG", Integer.toString(inmodereg));
        p.put("OPMODEREG", Integer.toString(opmodereg));
        p.put("ALUMODEREG", Integer.toString(alumodereg));
        p.put("CARRYINREG", Integer.toString(carryinreg));
        p.put("CARRYINSELREG", Integer.toString(opmodereg));
        p.put("AMULTSEL", preAdder ? "\"AD\"" : "\"A\"");
        p.put("BMULTSEL", "\"B\"");
        p.put("PREADDINSEL", "\"A\"");
        p.put("USE_MULT", "\"MULTIPLY\"");
        p.put("USE_SIMD", "\"ONE48\"");
        p.put("A_INPUT", "\"DIRECT\"");
        p.put("B_INPUT", "\"DIRECT\"");
        p.put("RND", "48'h" + String.format("%012x", rnd));
        return p;
    }
}
