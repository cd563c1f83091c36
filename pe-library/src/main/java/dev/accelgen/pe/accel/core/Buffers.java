package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.HwConfig;

/** Wires the buffers to the compute unit and the DMA engines, and (observed builds) the buffer-write streams. */
final class Buffers {
    private Buffers() {
    }

    static void wire(ModuleBuilder b, HwConfig c, boolean observe, Instance cu, Instance ld, Instance st, Instance abuf,
                     Instance sbuf, Instance wbuf) {
        for (String s : new String[] {"rd_en", "rd_addr", "wr_en", "wr_addr", "wr_data"}) {
            connect(abuf, "c_" + s, cu, "ab_" + s);
            connect(sbuf, "c_" + s, cu, "sb_" + s);
        }
        connect(abuf, "st_rd_req", st, "ab_rd_req");
        connect(abuf, "st_rd_addr", st, "ab_rd_addr");
        connect(abuf, "ld_wr_req", ld, "ab_wr_req");
        connect(abuf, "ld_wr_addr", ld, "ab_wr_addr");
        connect(abuf, "ld_wr_data", ld, "ab_wr_data");
        connect(ld, "ab_wr_grant", abuf, "ld_wr_grant");
        connect(st, "ab_rd_grant", abuf, "st_rd_grant");
        connect(st, "ab_rd_data", abuf, "rd_data");
        connect(cu, "ab_rd_data", abuf, "rd_data");
        connect(cu, "sb_rd_data", sbuf, "rd_data");
        connect(wbuf, "c_rd_en", cu, "wb_rd_en");
        connect(wbuf, "c_rd_bank", cu, "wb_rd_bank");
        connect(wbuf, "c_rd_addr", cu, "wb_rd_addr");
        connect(cu, "wb_rd_data", wbuf, "rd_data");
        for (String s : new String[] {"en", "bank", "addr", "data"}) {
            connect(wbuf, "wr_" + s, ld, "wb_wr_" + s);
        }
        if (!observe) {
            return;
        }
        observe(b, "abuf_wr", abuf.port("wr_en"), null, abuf.port("wr_addr"), abuf.port("wr_data"));
        observe(b, "sbuf_wr", sbuf.port("wr_en"), null, sbuf.port("wr_addr"), sbuf.port("wr_data"));
        observe(b, "wbuf_wr", wbuf.port("wr_done"), ld.port("wb_wr_bank"), ld.port("wb_wr_addr"), ld.port("wb_wr_data"));
    }

    private static void connect(Instance to, String toPort, Instance from, String fromPort) {
        to.port(toPort).set(from.port(fromPort));
    }

    private static void observe(ModuleBuilder b, String name, Bool valid, Bool bank, UInt addr, Bits data) {
        Bool v = b.output(name + "_valid", Bool.type());
        v.set(valid);
        UInt a = b.output(name + "_addr", UInt.type(32));
        a.set(addr);
        Bits d = b.output(name + "_data", Bits.type(data.width()));
        d.set(data);
        if (bank == null) {
            b.stream(name, false, v, null, a, d);
        } else {
            Bool k = b.output(name + "_bank", Bool.type());
            k.set(bank);
            b.stream(name, false, v, null, k, a, d);
        }
    }
}
