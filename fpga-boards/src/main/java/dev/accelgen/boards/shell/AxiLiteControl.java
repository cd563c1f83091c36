package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Ports;
import dev.accelgen.hdl.SwitchBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.ir.ClockDomain;

import java.util.ArrayList;
import java.util.List;

/**
 * AXI4-Lite control slave with the Vitis kernel register map (ap_ctrl_hs):
 * 0x00 control: bit0 ap_start (set by writing 1, cleared by ap_ready unless auto_restart), bit1 ap_done (clear on
 * read), bit2 ap_idle, bit3 ap_ready (clear on read), bit7 auto_restart; 0x04 global interrupt enable;
 * 0x08 interrupt enable (bit0 done, bit1 ready); 0x0C interrupt status (set by the event when enabled, toggled by
 * writing 1); then one 64-bit pointer per argument (low word, high word, reserved word), one 32-bit register per
 * scalar (data word, reserved word); then a read-only status word. {@code irq} = GIE and any ISR bit. The low two address bits are ignored (byte lanes come from wstrb).
 */
public final class AxiLiteControl implements ModuleGen<ControlConfig> {
    @Override
    public String moduleName(ControlConfig c) {
        String scalars = c.scalars().isEmpty() ? "" : "_s_" + String.join("_", c.scalars());
        return "vitis_control_" + String.join("_", c.args()) + scalars + (c.statusBits() == 2 ? "" : "_st" + c.statusBits());
    }

    @Override
    public void build(ModuleBuilder b, ControlConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, ControlConfig c) {
        Ports s = b.ports("s_axi_control", AxiBundles.liteSlave(c.addrBits()));
        Bool apStart = b.output("ap_start", Bool.type());
        Bool apDone = b.input("ap_done", Bool.type());
        Bool apIdle = b.input("ap_idle", Bool.type());
        Bool apReady = b.input("ap_ready", Bool.type());
        UInt status = b.input("status", UInt.type(c.statusBits()));
        Bool interrupt = b.output("irq", Bool.type());

        // ---- AXI4-Lite handshakes: one write and one read at a time ----
        UInt wState = b.reg("w_state", UInt.type(2), 0); // 0 address, 1 data, 2 response
        // Registers are words: the two low address bits (a master's byte offset) select nothing, the byte
        // lanes come from wstrb (hdl-gen collects the unread bits into its unused_bits sink).
        UInt wAddr = b.reg("w_addr", UInt.type(c.addrBits()), 0);
        UInt arWord = b.named("ar_word", Bits.cat(s.<UInt>get("araddr").slice(c.addrBits() - 1, 2), UInt.lit(0, 2)).asUInt());
        Bool rState = b.reg("r_state", Bool.type(), 0); // 0 address, 1 data
        UInt rData = b.reg("r_data", UInt.type(32), 0);
        Bool awFire = b.named("aw_fire", s.<Bool>get("awvalid").and(wState.eq(0)));
        Bool wFire = b.named("w_fire", s.<Bool>get("wvalid").and(wState.eq(1)));
        Bool arFire = b.named("ar_fire", s.<Bool>get("arvalid").and(rState.not()));
        s.<Bool>get("awready").set(wState.eq(0));
        s.<Bool>get("wready").set(wState.eq(1));
        s.<Bool>get("bvalid").set(wState.eq(2));
        s.<UInt>get("bresp").set(0);
        s.<Bool>get("arready").set(rState.not());
        s.<Bool>get("rvalid").set(rState);
        s.<UInt>get("rdata").set(rData);
        s.<UInt>get("rresp").set(0);
        b.when(awFire, () -> {
            wAddr.set(Bits.cat(s.<UInt>get("awaddr").slice(c.addrBits() - 1, 2), UInt.lit(0, 2)).asUInt());
            wState.set(1);
        }).elseWhen(wFire, () -> wState.set(2))
                .elseWhen(wState.eq(2).and(s.get("bready")), () -> wState.set(0));
        b.when(arFire, () -> rState.set(Bool.TRUE)).elseWhen(rState.and(s.get("rready")), () -> rState.set(Bool.FALSE));

        UInt wData = s.get("wdata");
        UInt wStrb = s.get("wstrb");
        Bool write0 = b.named("write_byte0", wFire.and(wStrb.bit(0)));
        Bool readCtrl = b.named("read_ctrl", arFire.and(arWord.eq(0x00)));

        // ---- control and interrupt registers ----
        Bool start = b.reg("int_ap_start", Bool.type(), 0);
        Bool done = b.reg("int_ap_done", Bool.type(), 0);
        Bool idle = b.reg("int_ap_idle", Bool.type(), 0);
        Bool ready = b.reg("int_ap_ready", Bool.type(), 0);
        Bool autoRestart = b.reg("int_auto_restart", Bool.type(), 0);
        Bool gie = b.reg("int_gie", Bool.type(), 0);
        Bool ierDone = b.reg("int_ier_done", Bool.type(), 0);
        Bool ierReady = b.reg("int_ier_ready", Bool.type(), 0);
        Bool isrDone = b.reg("int_isr_done", Bool.type(), 0);
        Bool isrReady = b.reg("int_isr_ready", Bool.type(), 0);

        b.when(write0.and(wAddr.eq(0x00)).and(wData.bit(0)), () -> start.set(Bool.TRUE))
                .elseWhen(apReady, () -> start.set(autoRestart));
        b.when(apDone, () -> done.set(Bool.TRUE)).elseWhen(readCtrl, () -> done.set(Bool.FALSE));
        b.when(apReady, () -> ready.set(Bool.TRUE)).elseWhen(readCtrl, () -> ready.set(Bool.FALSE));
        idle.set(apIdle);
        b.when(write0.and(wAddr.eq(0x00)), () -> autoRestart.set(wData.bit(7)));
        b.when(write0.and(wAddr.eq(0x04)), () -> gie.set(wData.bit(0)));
        b.when(write0.and(wAddr.eq(0x08)), () -> {
            ierDone.set(wData.bit(0));
            ierReady.set(wData.bit(1));
        });
        Bool isrWrite = b.named("isr_write", write0.and(wAddr.eq(0x0C)));
        b.when(ierDone.and(apDone), () -> isrDone.set(Bool.TRUE))
                .elseWhen(isrWrite, () -> isrDone.set(isrDone.xor(wData.bit(0))));
        b.when(ierReady.and(apReady), () -> isrReady.set(Bool.TRUE))
                .elseWhen(isrWrite, () -> isrReady.set(isrReady.xor(wData.bit(1))));
        apStart.set(start);
        interrupt.set(gie.and(isrDone.or(isrReady)));

        // ---- argument registers: byte-enabled 32-bit halves of each pointer ----
        List<UInt[]> halves = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            String name = c.args().get(i);
            UInt lo = b.reg("arg_" + name + "_lo", UInt.type(32), 0);
            UInt hi = b.reg("arg_" + name + "_hi", UInt.type(32), 0);
            int off = c.argOffset(i);
            b.when(wFire.and(wAddr.eq(off)), () -> lo.set(merge(lo, wData, wStrb)));
            b.when(wFire.and(wAddr.eq(off + 4)), () -> hi.set(merge(hi, wData, wStrb)));
            b.output("arg_" + name, UInt.type(64)).set(Bits.cat(hi, lo).asUInt());
            halves.add(new UInt[] {lo, hi});
        }

        List<UInt> scalarRegs = new ArrayList<>();
        for (int i = 0; i < c.scalars().size(); i++) {
            UInt r = b.reg("int_" + c.scalars().get(i), UInt.type(32), 0);
            int off = c.scalarOffset(i);
            b.when(wFire.and(wAddr.eq(off)), () -> r.set(merge(r, wData, wStrb)));
            b.output("scalar_" + c.scalars().get(i), UInt.type(32)).set(r);
            scalarRegs.add(r);
        }

        // ---- reads ----
        b.when(arFire, () -> {
            SwitchBuilder sw = b.switchOn(arWord);
            sw.is(0x00, () -> rData.set(Bits.cat(UInt.lit(0, 24), autoRestart, UInt.lit(0, 3), ready, idle,
                    done, start).asUInt()));
            sw.is(0x04, () -> rData.set(gie.asUInt().zext(32)));
            sw.is(0x08, () -> rData.set(Bits.cat(ierReady, ierDone).asUInt().zext(32)));
            sw.is(0x0C, () -> rData.set(Bits.cat(isrReady, isrDone).asUInt().zext(32)));
            for (int i = 0; i < halves.size(); i++) {
                UInt[] h = halves.get(i);
                sw.is(c.argOffset(i), () -> rData.set(h[0]));
                sw.is(c.argOffset(i) + 4, () -> rData.set(h[1]));
            }
            for (int i = 0; i < scalarRegs.size(); i++) {
                UInt r = scalarRegs.get(i);
                sw.is(c.scalarOffset(i), () -> rData.set(r));
            }
            sw.is(c.statusOffset(), () -> rData.set(c.statusBits() == 32 ? status : status.zext(32)));
            sw.otherwise(() -> rData.set(0));
        });
    }

    /** {@code old} with the bytes enabled in {@code strb} replaced from {@code data}. */
    private static UInt merge(UInt old, UInt data, UInt strb) {
        Val[] bytes = new Val[4];
        for (int i = 0; i < 4; i++) {
            bytes[3 - i] = strb.bit(i).select(data.slice(8 * i + 7, 8 * i), old.slice(8 * i + 7, 8 * i));
        }
        return Bits.cat(bytes).asUInt();
    }
}
