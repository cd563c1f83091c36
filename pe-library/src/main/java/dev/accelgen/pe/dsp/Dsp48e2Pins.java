package dev.accelgen.pe.dsp;

/**
 * The input pins of one DSP48E2 in one cycle, as raw bit patterns (A 30 bits, B 18, C 48, D 27, INMODE 5,
 * OPMODE 9, ALUMODE 4, CARRYINSEL 3, PCIN 48). {@code ce} and {@code rst} pack the clock enables and
 * resets, bit positions given by the CE_* and RST_* constants.
 */
public record Dsp48e2Pins(long a, long b, long c, long d, int inmode, int opmode, int alumode, int carryin,
                          int carryinsel, long pcin, int ce, int rst) {
    public static final int CE_A1 = 0;
    public static final int CE_A2 = 1;
    public static final int CE_B1 = 2;
    public static final int CE_B2 = 3;
    public static final int CE_C = 4;
    public static final int CE_D = 5;
    public static final int CE_AD = 6;
    public static final int CE_M = 7;
    public static final int CE_P = 8;
    public static final int CE_INMODE = 9;
    public static final int CE_CTRL = 10;
    public static final int CE_ALUMODE = 11;
    public static final int CE_CARRYIN = 12;
    public static final int CE_ALL = (1 << 13) - 1;
    /** UG579 names of the clock-enable pins, bit i of {@link #ce}. */
    public static final String[] CE_PINS = {"CEA1", "CEA2", "CEB1", "CEB2", "CEC", "CED", "CEAD", "CEM", "CEP",
        "CEINMODE", "CECTRL", "CEALUMODE", "CECARRYIN"};

    public static final int RST_A = 0;
    public static final int RST_B = 1;
    public static final int RST_C = 2;
    public static final int RST_D = 3;
    public static final int RST_M = 4;
    public static final int RST_P = 5;
    public static final int RST_INMODE = 6;
    public static final int RST_CTRL = 7;
    public static final int RST_ALUMODE = 8;
    public static final int RST_ALLCARRYIN = 9;
    /** UG579 names of the reset pins, bit i of {@link #rst}. */
    public static final String[] RST_PINS = {"RSTA", "RSTB", "RSTC", "RSTD", "RSTM", "RSTP", "RSTINMODE", "RSTCTRL",
        "RSTALUMODE", "RSTALLCARRYIN"};

    public Dsp48e2Pins {
        checkWidth("A", a, 30);
        checkWidth("B", b, 18);
        checkWidth("C", c, 48);
        checkWidth("D", d, 27);
        checkWidth("INMODE", inmode, 5);
        checkWidth("OPMODE", opmode, 9);
        checkWidth("ALUMODE", alumode, 4);
        checkWidth("CARRYIN", carryin, 1);
        checkWidth("CARRYINSEL", carryinsel, 3);
        checkWidth("PCIN", pcin, 48);
        checkWidth("CE", ce, CE_PINS.length);
        checkWidth("RST", rst, RST_PINS.length);
    }

    private static void checkWidth(String pin, long v, int bits) {
        if (v < 0 || v >= 1L << bits) {
            throw new IllegalArgumentException(pin + " must be a " + bits + "-bit pattern in 0..2^" + bits + "-1 (got "
                    + v + ")");
        }
    }

    boolean ce(int bit) {
        return (ce >> bit & 1) != 0;
    }

    boolean rst(int bit) {
        return (rst >> bit & 1) != 0;
    }

    /** All clock enables high, no reset: the steady-state pins of a free-running datapath slice. */
    public static Dsp48e2Pins running(long a, long b, long c, long d, int inmode, int opmode, int alumode, long pcin) {
        return new Dsp48e2Pins(a, b, c, d, inmode, opmode, alumode, 0, 0, pcin, CE_ALL, 0);
    }
}
