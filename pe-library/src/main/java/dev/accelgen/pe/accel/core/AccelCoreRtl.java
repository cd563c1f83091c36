package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.buf.AbufRtl;
import dev.accelgen.pe.accel.buf.SbufRtl;
import dev.accelgen.pe.accel.buf.WbufRtl;
import dev.accelgen.pe.accel.ctrl.ControllerRtl;
import dev.accelgen.pe.accel.dma.AxiReadPins;
import dev.accelgen.pe.accel.dma.AxiWritePins;
import dev.accelgen.pe.accel.dma.BurstIssuerRtl;
import dev.accelgen.pe.accel.dma.LoadEngineRtl;
import dev.accelgen.pe.accel.dma.StoreEngineRtl;
import dev.accelgen.pe.accel.isa.Registers;
import java.util.ArrayList;
import java.util.List;

/**
 * The accelerator core {@code accel_core_<name>_<hash>} (docs/accelerator.md, "The core's interface"): the
 * controller, load and store engines, compute unit and buffers, wired; the issue glue that starts queue heads;
 * port 0's read channel shared between the program fetch and the load engine. Clock domain {@code ap_clk},
 * {@code ap_rst_n}.
 */
public final class AccelCoreRtl implements ModuleGen<CoreConfig> {
    @Override
    public String moduleName(CoreConfig c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, CoreConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, CoreConfig cc) {
        HwConfig c = cc.hw();
        Instance ctrl = b.instance(new ControllerRtl(), c, "u_ctrl");
        Instance ld = b.instance(new LoadEngineRtl(), c, "u_load");
        Instance st = b.instance(new StoreEngineRtl(), c, "u_store");
        Instance cu = b.instance(new ComputeUnitRtl(), c, "u_compute");
        Instance abuf = b.instance(new AbufRtl(), c, "u_abuf");
        Instance sbuf = b.instance(new SbufRtl(), c, "u_sbuf");
        Instance wbuf = b.instance(new WbufRtl(), c, "u_wbuf");

        Bool startValid = b.input("start_valid", Bool.type());
        Bool startReady = b.output("start_ready", Bool.type());
        List<Val> startData = new ArrayList<>();
        ctrl.<Bool>port("start_valid").set(startValid);
        startReady.set(ctrl.port("start_ready"));
        for (int i = 1; i <= Registers.RUN_PARAMS; i++) {
            UInt r = b.input("start_r" + i, UInt.type(32));
            ctrl.<UInt>port("start_r" + i).set(r);
            startData.add(r);
        }
        b.stream("start", true, startValid, startReady, startData.toArray(new Val[0]));
        Bool doneValid = b.output("done_valid", Bool.type());
        UInt doneStatus = b.output("done_status", UInt.type(3));
        doneValid.set(ctrl.port("done_valid"));
        doneStatus.set(ctrl.port("done_status"));
        b.stream("done", false, doneValid, null, doneStatus);

        UInt progOffset = b.input("prog_offset", UInt.type(32));
        ctrl.<UInt>port("prog_offset").set(progOffset);
        Bool fetching = ctrl.port("fetching");
        Bool clear = ctrl.port("clear_errors");
        for (int p = 0; p < c.ports(); p++) {
            UInt base = b.input("base_" + p, UInt.type(BurstIssuerRtl.ADDR_BITS));
            ld.<UInt>port("base_" + p).set(base);
            st.<UInt>port("base_" + p).set(base);
            if (p == 0) {
                ctrl.<UInt>port("base_0").set(base);
            }
            AxiReadPins m = AxiReadPins.declare(b, "m" + p, c.portBits());
            readChannel(b, m, ld, "m" + p, p == 0 ? ctrl : null, fetching);
            b.readMemory("m" + p, m.arValid(), m.arReady(), m.arAddr(), m.arLen(), m.rValid(),
                    m.rReady(), m.rData(), m.rLast(), c.portBytes());
            AxiWritePins w = AxiWritePins.declare(b, "m" + p, c.portBits());
            writeChannel(w, st, "m" + p);
            b.writeMemory("m" + p, w.awValid(), w.awReady(), w.awAddr(), w.awLen(), w.wValid(), w.wReady(), w.wData(),
                    w.wStrb(), w.wLast(), w.bValid(), w.bReady(), c.portBytes());
        }

        Bool bufError = b.named("buf_error", abuf.<Bool>port("out_of_range").or(sbuf.port("out_of_range"))
                .or(wbuf.port("out_of_range")));
        ctrl.<Bool>port("buf_error").set(bufError);
        Issue.wire(b, c, ctrl, ld, st, cu, clear, bufError);
        for (Instance i : List.of(abuf, sbuf, wbuf)) {
            i.<Bool>port("clear_errors").set(clear);
        }
        Buffers.wire(b, c, cc.observe(), cu, ld, st, abuf, sbuf, wbuf);
    }

    private static void readChannel(ModuleBuilder b, AxiReadPins m, Instance ld, String p, Instance ctrl, Bool fetching) {
        ld.<Bool>port(p + "_ar_ready").set(m.arReady());
        ld.<Bool>port(p + "_r_valid").set(m.rValid());
        ld.<Bits>port(p + "_r_data").set(m.rData());
        ld.<Bool>port(p + "_r_last").set(m.rLast());
        ld.<UInt>port(p + "_r_resp").set(m.rResp());
        if (ctrl == null) {
            m.arValid().set(ld.port(p + "_ar_valid"));
            m.arAddr().set(ld.port(p + "_ar_addr"));
            m.arLen().set(ld.port(p + "_ar_len"));
            m.rReady().set(ld.port(p + "_r_ready"));
            return;
        }
        ctrl.<Bool>port("f_ar_ready").set(m.arReady());
        ctrl.<Bool>port("f_r_valid").set(m.rValid());
        ctrl.<Bits>port("f_r_data").set(m.rData());
        ctrl.<Bool>port("f_r_last").set(m.rLast());
        ctrl.<UInt>port("f_r_resp").set(m.rResp());
        m.arValid().set(fetching.select(ctrl.<Bool>port("f_ar_valid"), ld.port(p + "_ar_valid")));
        m.arAddr().set(fetching.select(ctrl.<Bits>port("f_ar_addr"), ld.port(p + "_ar_addr")));
        m.arLen().set(fetching.select(ctrl.<Bits>port("f_ar_len"), ld.port(p + "_ar_len")));
        m.rReady().set(fetching.select(ctrl.<Bool>port("f_r_ready"), ld.port(p + "_r_ready")));
    }

    private static void writeChannel(AxiWritePins w, Instance st, String p) {
        w.awValid().set(st.port(p + "_aw_valid"));
        w.awAddr().set(st.port(p + "_aw_addr"));
        w.awLen().set(st.port(p + "_aw_len"));
        w.wValid().set(st.port(p + "_w_valid"));
        w.wData().set(st.port(p + "_w_data"));
        w.wStrb().set(st.port(p + "_w_strb"));
        w.wLast().set(st.port(p + "_w_last"));
        w.bReady().set(st.port(p + "_b_ready"));
        st.<Bool>port(p + "_aw_ready").set(w.awReady());
        st.<Bool>port(p + "_w_ready").set(w.wReady());
        st.<Bool>port(p + "_b_valid").set(w.bValid());
        st.<UInt>port(p + "_b_resp").set(w.bResp());
    }
}
