// Behavioural model of the Xilinx DSP48E2 subset accelgen instantiates (UG579 semantics), for
// simulation only: Vivado maps the generated instances to the real primitive, Yosys keeps them as
// black boxes. Modelled: A/B (A1/A2, B1/B2), C, D, AD, M and P registers with their clock enables and
// synchronous resets (reset wins), INMODE/OPMODE/ALUMODE/CARRYIN registers, the 27-bit pre-adder
// (INMODE[1] zeroes A, INMODE[2] enables D, INMODE[3] selects D-A), the 27x18 signed multiplier, the
// X/Y/Z/W multiplexers and ALUMODE 0000/0001/0010/0011 arithmetic on 48 bits, PCIN/PCOUT.
// Fixed attributes: USE_MULT="MULTIPLY", USE_SIMD="ONE48", A_INPUT/B_INPUT="DIRECT",
// PREADDINSEL="A", BMULTSEL="B", ACASCREG=AREG, BCASCREG=BREG, CARRYINSELREG=OPMODEREG, CARRYINSEL=000.
// Any other attribute value stops the simulation at time 0. P feedback reads 0 when PREG=0.
module DSP48E2 #(
    parameter integer AREG = 1,
    parameter integer ACASCREG = 1,
    parameter integer BREG = 1,
    parameter integer BCASCREG = 1,
    parameter integer CREG = 1,
    parameter integer DREG = 1,
    parameter integer ADREG = 1,
    parameter integer MREG = 1,
    parameter integer PREG = 1,
    parameter integer INMODEREG = 1,
    parameter integer OPMODEREG = 1,
    parameter integer ALUMODEREG = 1,
    parameter integer CARRYINREG = 1,
    parameter integer CARRYINSELREG = 1,
    parameter [15:0] AMULTSEL = "A",
    parameter [7:0]  BMULTSEL = "B",
    parameter [7:0]  PREADDINSEL = "A",
    parameter [63:0] USE_MULT = "MULTIPLY",
    parameter [39:0] USE_SIMD = "ONE48",
    parameter [47:0] A_INPUT = "DIRECT",
    parameter [47:0] B_INPUT = "DIRECT",
    parameter [47:0] RND = 48'h000000000000
) (
    input  wire        CLK,
    input  wire [29:0] A,
    input  wire [17:0] B,
    input  wire [47:0] C,
    input  wire [26:0] D,
    input  wire [4:0]  INMODE,
    input  wire [8:0]  OPMODE,
    input  wire [3:0]  ALUMODE,
    input  wire        CARRYIN,
    input  wire [2:0]  CARRYINSEL,
    input  wire [47:0] PCIN,
    input  wire        CEA1,
    input  wire        CEA2,
    input  wire        CEB1,
    input  wire        CEB2,
    input  wire        CEC,
    input  wire        CED,
    input  wire        CEAD,
    input  wire        CEM,
    input  wire        CEP,
    input  wire        CEINMODE,
    input  wire        CECTRL,
    input  wire        CEALUMODE,
    input  wire        CECARRYIN,
    input  wire        RSTA,
    input  wire        RSTB,
    input  wire        RSTC,
    input  wire        RSTD,
    input  wire        RSTM,
    input  wire        RSTP,
    input  wire        RSTINMODE,
    input  wire        RSTCTRL,
    input  wire        RSTALUMODE,
    input  wire        RSTALLCARRYIN,
    output wire [47:0] P,
    output wire [47:0] PCOUT
);
    // String attributes are fixed-width vectors, right-aligned like any Verilog string literal.
    localparam PRE_ADDER = AMULTSEL == "AD";
    localparam SUPPORTED = (AMULTSEL == {8'd0, "A"} || AMULTSEL == "AD") && BMULTSEL == "B" && PREADDINSEL == "A"
        && USE_MULT == "MULTIPLY" && USE_SIMD == "ONE48" && A_INPUT == "DIRECT" && B_INPUT == "DIRECT"
        && ACASCREG == AREG && BCASCREG == BREG && CARRYINSELREG == OPMODEREG
        && AREG >= 0 && AREG <= 2 && BREG >= 0 && BREG <= 2;

    generate
        if (!SUPPORTED) begin : g_unsupported
            initial $fatal(1, "DSP48E2 model: attribute combination outside the modelled subset");
        end
    endgenerate

    reg [29:0] a1_q;
    reg [29:0] a2_q;
    reg [17:0] b1_q;
    reg [17:0] b2_q;
    reg [47:0] c_q;
    reg [26:0] d_q;
    reg [26:0] ad_q;
    reg [47:0] m_q;
    reg [47:0] p_q;
    reg [4:0]  inmode_q;
    reg [8:0]  opmode_q;
    reg [2:0]  carryinsel_q;
    reg [3:0]  alumode_q;
    reg        carryin_q;

    wire [4:0]  inmode     = INMODEREG == 1 ? inmode_q : INMODE;
    wire [8:0]  opmode     = OPMODEREG == 1 ? opmode_q : OPMODE;
    wire [2:0]  carryinsel = OPMODEREG == 1 ? carryinsel_q : CARRYINSEL;
    wire [3:0]  alumode    = ALUMODEREG == 1 ? alumode_q : ALUMODE;
    wire        carryin    = CARRYINREG == 1 ? carryin_q : CARRYIN;

    wire [29:0] a_out  = AREG == 0 ? A : a2_q;
    wire [17:0] b_out  = BREG == 0 ? B : b2_q;
    wire [29:0] a2_in  = AREG == 2 ? a1_q : A;
    wire [17:0] b2_in  = BREG == 2 ? b1_q : B;
    wire [26:0] a_mul  = (AREG == 2 && inmode[0]) ? a1_q[26:0] : a_out[26:0];
    wire [17:0] b_mul  = (BREG == 2 && inmode[4]) ? b1_q : b_out;
    wire [26:0] a_gate = inmode[1] ? 27'd0 : a_mul;
    wire [26:0] d_out  = DREG == 1 ? d_q : D;
    wire [26:0] d_gate = inmode[2] ? d_out : 27'd0;
    wire [26:0] ad     = inmode[3] ? d_gate - a_gate : d_gate + a_gate;
    wire [26:0] ad_out = ADREG == 1 ? ad_q : ad;
    wire [26:0] mult_a = PRE_ADDER ? ad_out : a_gate;
    wire signed [44:0] product = $signed(mult_a) * $signed(b_mul);
    wire [47:0] product48 = {{3{product[44]}}, product};
    wire [47:0] m_out  = MREG == 1 ? m_q : product48;
    wire [47:0] c_out  = CREG == 1 ? c_q : C;
    wire [47:0] p_fb   = PREG == 1 ? p_q : 48'd0;

    reg [47:0] x;
    reg [47:0] y;
    reg [47:0] z;
    reg [47:0] w;
    always @(*) begin
        case (opmode[1:0])
            2'b00: x = 48'd0;
            2'b01: x = m_out;
            2'b10: x = p_fb;
            default: x = {a_out, b_out};
        endcase
        case (opmode[3:2])
            2'b10: y = 48'hffffffffffff;
            2'b11: y = c_out;
            default: y = 48'd0;
        endcase
        case (opmode[6:4])
            3'b001: z = PCIN;
            3'b010, 3'b100: z = p_fb;
            3'b011: z = c_out;
            3'b101: z = {{17{PCIN[47]}}, PCIN[47:17]};
            3'b110: z = {{17{p_fb[47]}}, p_fb[47:17]};
            default: z = 48'd0;
        endcase
        case (opmode[8:7])
            2'b01: w = p_fb;
            2'b10: w = RND;
            2'b11: w = c_out;
            default: w = 48'd0;
        endcase
    end

    wire        cin = carryinsel == 3'b000 ? carryin : 1'b0;
    wire [47:0] sum = w + x + y + {47'd0, cin};
    reg  [47:0] alu;
    always @(*) begin
        case (alumode)
            4'b0000: alu = z + sum;
            4'b0001: alu = ~z + sum;
            4'b0010: alu = ~(z + sum);
            4'b0011: alu = z - sum;
            default: alu = 48'd0;
        endcase
    end

    always @(posedge CLK) begin
        if (RSTA) begin
            a1_q <= 30'd0;
            a2_q <= 30'd0;
        end else begin
            if (CEA1) a1_q <= A;
            if (CEA2) a2_q <= a2_in;
        end
        if (RSTB) begin
            b1_q <= 18'd0;
            b2_q <= 18'd0;
        end else begin
            if (CEB1) b1_q <= B;
            if (CEB2) b2_q <= b2_in;
        end
        if (RSTC) c_q <= 48'd0;
        else if (CEC) c_q <= C;
        if (RSTD) begin
            d_q <= 27'd0;
            ad_q <= 27'd0;
        end else begin
            if (CED) d_q <= D;
            if (CEAD) ad_q <= ad;
        end
        if (RSTM) m_q <= 48'd0;
        else if (CEM) m_q <= product48;
        if (RSTP) p_q <= 48'd0;
        else if (CEP) p_q <= alu;
        if (RSTINMODE) inmode_q <= 5'd0;
        else if (CEINMODE) inmode_q <= INMODE;
        if (RSTCTRL) begin
            opmode_q <= 9'd0;
            carryinsel_q <= 3'd0;
        end else if (CECTRL) begin
            opmode_q <= OPMODE;
            carryinsel_q <= CARRYINSEL;
        end
        if (RSTALUMODE) alumode_q <= 4'd0;
        else if (CEALUMODE) alumode_q <= ALUMODE;
        if (RSTALLCARRYIN) carryin_q <= 1'b0;
        else if (CECARRYIN) carryin_q <= CARRYIN;
    end

    assign P = PREG == 1 ? p_q : alu;
    assign PCOUT = P;
endmodule
