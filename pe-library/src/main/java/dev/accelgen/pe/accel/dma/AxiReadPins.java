package dev.accelgen.pe.accel.dma;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/** An AXI4 read master's ports {@code <prefix>_ar_*} and {@code <prefix>_r_*} (no IDs, INCR bursts only). */
public record AxiReadPins(Bool arValid, Bool arReady, Bits arAddr, Bits arLen, Bool rValid, Bool rReady, Bits rData,
                          Bool rLast, UInt rResp) {
    public static AxiReadPins declare(ModuleBuilder b, String prefix, int dataBits) {
        return new AxiReadPins(b.output(prefix + "_ar_valid", Bool.type()), b.input(prefix + "_ar_ready", Bool.type()),
                b.output(prefix + "_ar_addr", Bits.type(BurstIssuerRtl.ADDR_BITS)),
                b.output(prefix + "_ar_len", Bits.type(8)), b.input(prefix + "_r_valid", Bool.type()),
                b.output(prefix + "_r_ready", Bool.type()), b.input(prefix + "_r_data", Bits.type(dataBits)),
                b.input(prefix + "_r_last", Bool.type()), b.input(prefix + "_r_resp", UInt.type(2)));
    }
}
