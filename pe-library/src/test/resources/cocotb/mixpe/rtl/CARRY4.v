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
