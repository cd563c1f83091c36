package dev.accelgen.pe.accel.dma;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/** An AXI4 write master's ports {@code <prefix>_aw_*}, {@code _w_*}, {@code _b_*} (no IDs, INCR bursts only). */
public record AxiWritePins(Bool awValid, Bool awReady, Bits awAddr, Bits awLen, Bool wValid, Bool wReady, Bits wData,
                           Bits wStrb, Bool wLast, Bool bValid, Bool bReady, UInt bResp) {
    public static AxiWritePins declare(ModuleBuilder b, String prefix, int dataBits) {
        return new AxiWritePins(b.output(prefix + "_aw_valid", Bool.type()), b.input(prefix + "_aw_ready", Bool.type()),
                b.output(prefix + "_aw_addr", Bits.type(BurstIssuerRtl.ADDR_BITS)),
                b.output(prefix + "_aw_len", Bits.type(8)), b.output(prefix + "_w_valid", Bool.type()),
                b.input(prefix + "_w_ready", Bool.type()), b.output(prefix + "_w_data", Bits.type(dataBits)),
                b.output(prefix + "_w_strb", Bits.type(dataBits / 8)), b.output(prefix + "_w_last", Bool.type()),
                b.input(prefix + "_b_valid", Bool.type()), b.output(prefix + "_b_ready", Bool.type()),
                b.input(prefix + "_b_resp", UInt.type(2)));
    }
}
