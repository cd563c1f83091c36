package dev.accelgen.pe.dsp;

/**
 * Cycle- and bit-exact model of the DSP48E2 subset in {@link Dsp48e2Params} (UG579 semantics), the
 * reference the Verilog behavioural model {@code DSP48E2.v} is tested against.
 *
 * <p>Datapath: A (30 bits; the multiplier uses A[26:0], sign bit 26) and B (18 bits) through their A1/A2
 * and B1/B2 registers; INMODE[1] zeroes the multiplier's A, INMODE[2] enables D, INMODE[3] makes the
 * 27-bit pre-adder compute D-A instead of D+A (result wraps at 27 bits); 27x18 signed product; the ALU
 * sums X (OPMODE[1:0]: 0, M, P, A:B), Y (OPMODE[3:2]: 0, M-pair, all ones, C), Z (OPMODE[6:4]: 0, PCIN,
 * P, C, -, PCIN>>>17, P>>>17) and W (OPMODE[8:7]: 0, P, RND, C) under ALUMODE 0000 (Z+W+X+Y+CIN), 0001
 * (~Z+W+X+Y+CIN), 0010 (~(Z+W+X+Y+CIN)) or 0011 (Z-(W+X+Y+CIN)); P and PCOUT are 48 bits. Synchronous
 * resets win over clock enables. Control values UG579 forbids, or outside the subset, raise
 * {@link IllegalArgumentException} ({@link Dsp48e2Opmode}).
 */
public final class Dsp48e2Model {
    static final long MASK48 = (1L << 48) - 1;
    private static final long MASK27 = (1L << 27) - 1;

    private final Dsp48e2Params p;
    private long a1;
    private long a2;
    private long b1;
    private long b2;
    private long cReg;
    private long dReg;
    private long adReg;
    private long mReg;
    private long pReg;
    private int inmodeReg;
    private int opmodeReg;
    private int alumodeReg;
    private int carryinReg;
    private int carryinselReg;

    public Dsp48e2Model(Dsp48e2Params params) {
        this.p = params;
    }

    /** What P (and PCOUT, always equal) show during one cycle. */
    public record Outputs(long p, long pcout) { }

    /** Returns the outputs during this cycle for these pins, then applies the clock edge that ends it. */
    public Outputs step(Dsp48e2Pins in) {
        int inmode = p.inmodereg() == 1 ? inmodeReg : in.inmode();
        int opmode = p.opmodereg() == 1 ? opmodeReg : in.opmode();
        int alumode = p.alumodereg() == 1 ? alumodeReg : in.alumode();
        int carryin = p.carryinreg() == 1 ? carryinReg : in.carryin();
        int carryinsel = p.opmodereg() == 1 ? carryinselReg : in.carryinsel();

        long aOut = p.areg() == 0 ? in.a() : a2;
        long bOut = p.breg() == 0 ? in.b() : b2;
        long aMul = p.areg() == 2 && (inmode & 1) != 0 ? a1 : aOut;
        long bMul = p.breg() == 2 && (inmode >> 4 & 1) != 0 ? b1 : bOut;
        long aGated = (inmode >> 1 & 1) != 0 ? 0 : aMul & MASK27;
        long dOut = p.dreg() == 1 ? dReg : in.d();
        long dGated = (inmode >> 2 & 1) != 0 ? dOut : 0;
        long ad = ((inmode >> 3 & 1) != 0 ? dGated - aGated : dGated + aGated) & MASK27;
        long adOut = p.adreg() == 1 ? adReg : ad;
        long multA = p.preAdder() ? adOut : aGated;
        long product = sext(multA, 27) * sext(bMul, 18) & MASK48;
        long m = p.mreg() == 1 ? mReg : product;
        long c = p.creg() == 1 ? cReg : in.c();
        long pFeedback = p.preg() == 1 ? pReg : 0;
        long alu = alu(opmode, alumode, carryin, carryinsel, m, c, pFeedback, in.pcin(), aOut << 18 | bOut);
        long pOut = p.preg() == 1 ? pReg : alu;

        clockEdge(in, ad, product, alu);
        return new Outputs(pOut, pOut);
    }

    private long alu(int opmode, int alumode, int carryin, int carryinsel, long m, long c, long pFb, long pcin,
                     long ab) {
        Dsp48e2Opmode.check(p, opmode, alumode, carryinsel);
        int xSel = opmode & 3;
        int ySel = opmode >> 2 & 3;
        int zSel = opmode >> 4 & 7;
        int wSel = opmode >> 7 & 3;
        long x = switch (xSel) {
            case 0 -> 0;
            case 1 -> m;
            case 2 -> pFb;
            default -> ab;
        };
        long y = switch (ySel) {
            case 0, 1 -> 0;
            case 2 -> MASK48;
            default -> c;
        };
        long z = switch (zSel) {
            case 0 -> 0;
            case 1 -> pcin;
            case 2 -> pFb;
            case 3 -> c;
            case 5 -> sext(pcin, 48) >> 17 & MASK48;
            default -> sext(pFb, 48) >> 17 & MASK48;
        };
        long w = switch (wSel) {
            case 0 -> 0;
            case 1 -> pFb;
            case 2 -> p.rnd();
            default -> c;
        };
        long sum = w + x + y + carryin;
        return switch (alumode) {
            case 0 -> z + sum & MASK48;
            case 1 -> ~z + sum & MASK48;
            case 2 -> ~(z + sum) & MASK48;
            case 3 -> z - sum & MASK48;
            default -> throw new IllegalStateException("ALUMODE " + alumode + " passed Dsp48e2Opmode.check");
        };
    }

    private void clockEdge(Dsp48e2Pins in, long ad, long product, long alu) {
        long a1Next = in.rst(Dsp48e2Pins.RST_A) ? 0 : in.ce(Dsp48e2Pins.CE_A1) ? in.a() : a1;
        long a2In = p.areg() == 2 ? a1 : in.a();
        a2 = in.rst(Dsp48e2Pins.RST_A) ? 0 : in.ce(Dsp48e2Pins.CE_A2) ? a2In : a2;
        a1 = a1Next;
        long b1Next = in.rst(Dsp48e2Pins.RST_B) ? 0 : in.ce(Dsp48e2Pins.CE_B1) ? in.b() : b1;
        long b2In = p.breg() == 2 ? b1 : in.b();
        b2 = in.rst(Dsp48e2Pins.RST_B) ? 0 : in.ce(Dsp48e2Pins.CE_B2) ? b2In : b2;
        b1 = b1Next;
        cReg = in.rst(Dsp48e2Pins.RST_C) ? 0 : in.ce(Dsp48e2Pins.CE_C) ? in.c() : cReg;
        dReg = in.rst(Dsp48e2Pins.RST_D) ? 0 : in.ce(Dsp48e2Pins.CE_D) ? in.d() : dReg;
        adReg = in.rst(Dsp48e2Pins.RST_D) ? 0 : in.ce(Dsp48e2Pins.CE_AD) ? ad : adReg;
        mReg = in.rst(Dsp48e2Pins.RST_M) ? 0 : in.ce(Dsp48e2Pins.CE_M) ? product : mReg;
        pReg = in.rst(Dsp48e2Pins.RST_P) ? 0 : in.ce(Dsp48e2Pins.CE_P) ? alu : pReg;
        inmodeReg = in.rst(Dsp48e2Pins.RST_INMODE) ? 0 : in.ce(Dsp48e2Pins.CE_INMODE) ? in.inmode() : inmodeReg;
        opmodeReg = in.rst(Dsp48e2Pins.RST_CTRL) ? 0 : in.ce(Dsp48e2Pins.CE_CTRL) ? in.opmode() : opmodeReg;
        carryinselReg = in.rst(Dsp48e2Pins.RST_CTRL) ? 0 : in.ce(Dsp48e2Pins.CE_CTRL) ? in.carryinsel() : carryinselReg;
        alumodeReg = in.rst(Dsp48e2Pins.RST_ALUMODE) ? 0 : in.ce(Dsp48e2Pins.CE_ALUMODE) ? in.alumode() : alumodeReg;
        carryinReg = in.rst(Dsp48e2Pins.RST_ALLCARRYIN) ? 0 : in.ce(Dsp48e2Pins.CE_CARRYIN) ? in.carryin() : carryinReg;
    }

    /** Two's-complement value of the low {@code bits} bits of {@code v}. */
    static long sext(long v, int bits) {
        return v << (64 - bits) >> (64 - bits);
    }
}
