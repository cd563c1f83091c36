package dev.accelgen.pe.rtl;

import dev.accelgen.hdl.BlackBox;

/**
 * UltraScale+ fabric primitives instantiated by hand where behavioural RTL maps poorly, with the
 * behavioural models used in simulation (same function as the Yosys/Vivado cell libraries).
 */
public final class XilinxPrimitives {
    private XilinxPrimitives() {
    }

    /** A 6-input LUT with two outputs: O6 = INIT[I5..I0], O5 = INIT[{0, I4..I0}]. */
    public static final BlackBox LUT6_2 = BlackBox.named("LUT6_2")
            .in("I0", 1).in("I1", 1).in("I2", 1).in("I3", 1).in("I4", 1).in("I5", 1)
            .out("O5", 1).out("O6", 1)
            .model("LUT6_2.v", """
                    // Behavioural model of the UltraScale+ LUT6_2 (simulation only).
                    module LUT6_2 #(
                        parameter [63:0] INIT = 64'h0
                    ) (
                        input  wire I0,
                        input  wire I1,
                        input  wire I2,
                        input  wire I3,
                        input  wire I4,
                        input  wire I5,
                        output wire O5,
                        output wire O6
                    );
                        assign O6 = INIT[{I5, I4, I3, I2, I1, I0}];
                        assign O5 = INIT[{1'b0, I4, I3, I2, I1, I0}];
                    endmodule
                    """);

    /** Four bits of carry chain: carry into bit 0 is CI | CYINIT; CO[k] = S[k] ? carry : DI[k]. */
    public static final BlackBox CARRY4 = BlackBox.named("CARRY4")
            .in("CI", 1).in("CYINIT", 1).in("DI", 4).in("S", 4)
            .out("CO", 4).out("O", 4)
            .model("CARRY4.v", """
                    // Behavioural model of the CARRY4 carry chain (simulation only).
                    module CARRY4 (
                        input  wire       CI,
                        input  wire       CYINIT,
                        input  wire [3:0] DI,
                        input  wire [3:0] S,
                        output wire [3:0] CO,
                        output wire [3:0] O
                    );
                        // one wire per carry: a vector feeding itself reads as a loop to Verilator
                        wire c0 = CI | CYINIT;
                        wire c1 = S[0] ? c0 : DI[0];
                        wire c2 = S[1] ? c1 : DI[1];
                        wire c3 = S[2] ? c2 : DI[2];
                        wire c4 = S[3] ? c3 : DI[3];
                        assign CO = {c4, c3, c2, c1};
                        assign O = S ^ {c3, c2, c1, c0};
                    endmodule
                    """);
}
