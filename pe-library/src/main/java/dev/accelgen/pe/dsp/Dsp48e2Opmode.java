package dev.accelgen.pe.dsp;

/**
 * UG579's rules for the dynamic control pins, applied to the modelled subset (see {@link Dsp48e2Params}). From
 * the OPMODE tables ("W/X/Y/Z multiplexer outputs"): X=M (OPMODE[1:0]=01) must be selected together with Y=M
 * (OPMODE[3:2]=01), because the multiplier delivers two partial products, one on each; every selection of P
 * (W=01, X=10, Z=010, Z=110) requires PREG=1; Z=100 is the MACC-extend selection, legal only with
 * CARRYINSEL=010; Z=111 is illegal. Outside UG579 but outside the model too: CARRYINSEL other than 000 and the
 * logic-unit ALUMODEs (anything but 0000..0011).
 */
public final class Dsp48e2Opmode {
    private Dsp48e2Opmode() {
    }

    /** Throws {@link IllegalArgumentException} naming the first rule these control values break. */
    public static void check(Dsp48e2Params p, int opmode, int alumode, int carryinsel) {
        int x = opmode & 3;
        int y = opmode >> 2 & 3;
        int z = opmode >> 4 & 7;
        int w = opmode >> 7 & 3;
        if (x == 1 && y != 1) {
            throw illegal(opmode, "X=M requires Y=M (the multiplier's two partial products), got Y=" + bits(y, 2));
        }
        if (y == 1 && x != 1) {
            throw illegal(opmode, "Y=M requires X=M (the multiplier's two partial products), got X=" + bits(x, 2));
        }
        if (z == 7) {
            throw illegal(opmode, "Z=111 is an illegal selection");
        }
        if (z == 4) {
            throw illegal(opmode, "Z=100 (P, MACC extend) is legal only with CARRYINSEL=010, outside the modelled subset");
        }
        if (p.preg() == 0) {
            String feedback = w == 1 ? "W=P" : x == 2 ? "X=P" : z == 2 ? "Z=P" : z == 6 ? "Z=P>>17" : null;
            if (feedback != null) {
                throw illegal(opmode, feedback + " requires PREG=1, got PREG=0");
            }
        }
        if (carryinsel != 0) {
            throw new IllegalArgumentException("CARRYINSEL must be 000 in this model (got " + bits(carryinsel, 3) + ")");
        }
        if (alumode > 3) {
            throw new IllegalArgumentException("ALUMODE must be 0000, 0001, 0010 or 0011 in this model (got "
                    + bits(alumode, 4) + ")");
        }
    }

    private static IllegalArgumentException illegal(int opmode, String rule) {
        return new IllegalArgumentException("OPMODE " + bits(opmode, 9) + ": " + rule + " (UG579)");
    }

    private static String bits(int v, int width) {
        String s = Integer.toBinaryString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
