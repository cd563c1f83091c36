package dev.accelgen.boards.accel;

import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.shell.AxiBundles;
import dev.accelgen.boards.shell.AxiLiteControl;
import dev.accelgen.boards.shell.ControlConfig;
import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Ports;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.core.AccelCoreRtl;
import dev.accelgen.pe.accel.core.CoreConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The compiled accelerator as a Vitis RTL kernel (also the ZCU104 block design's module): the core
 * ({@code accel_core_*}) behind the AXI4-Lite control slave and one AXI4 master {@code m_axi_gmem<p>} per memory
 * port. Register map: 0x00..0x0C ap_ctrl_hs; from 0x10 the 64-bit pointers {@code mem0..} (each port's image, the
 * core's {@code base_<p>}); then the 32-bit scalars {@code prog_offset} and {@code r1..r7} (a run's start beat); then
 * the status word: the last run's {@code done_status} (bit 0 AXI read error, 1 AXI write error, 2 illegal
 * instruction). ap_start hands r1..r7 to the core as one start beat; ap_ready when the core takes it, ap_done when it
 * reports done, ap_idle while no run is in flight.
 */
public final class AccelKernel implements ModuleGen<HwConfig> {
    /** Run scalars after prog_offset: r1..r7 of the start beat (docs/isa.md). */
    public static final int RUN_REGISTERS = 7;
    public static final int STATUS_BITS = 3;

    public static String topName(HwConfig hw) {
        return new CoreConfig(hw, false).moduleName().replaceFirst("^accel_core_", "accel_kernel_");
    }

    public static List<String> pointers(HwConfig hw) {
        return IntStream.range(0, hw.ports()).mapToObj(p -> "mem" + p).toList();
    }

    public static List<String> scalars() {
        List<String> s = new ArrayList<>(List.of("prog_offset"));
        for (int i = 1; i <= RUN_REGISTERS; i++) {
            s.add("r" + i);
        }
        return List.copyOf(s);
    }

    public static ControlConfig control(HwConfig hw) {
        return new ControlConfig(pointers(hw), scalars(), STATUS_BITS);
    }

    @Override
    public String moduleName(HwConfig hw) {
        return topName(hw);
    }

    @Override
    public void build(ModuleBuilder b, HwConfig hw) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, hw));
    }

    private static void body(ModuleBuilder b, HwConfig hw) {
        ControlConfig cc = control(hw);
        Ports control = b.ports(KernelSpec.CONTROL, AxiBundles.liteSlave(cc.addrBits()));
        StringBuilder busifs = new StringBuilder(KernelSpec.CONTROL);
        for (int p = 0; p < hw.ports(); p++) {
            busifs.append(':').append(KernelSpec.MASTER).append(p);
        }
        Instance ctrl = b.instance(new AxiLiteControl(), cc, "control");
        Instance core = b.instance(new AccelCoreRtl(), new CoreConfig(hw, false), "core");
        b.connect(control, ctrl.ports(KernelSpec.CONTROL, AxiBundles.liteSlave(cc.addrBits())));
        for (int p = 0; p < hw.ports(); p++) {
            master(b, core, hw, p);
            core.<UInt>port("base_" + p).set(ctrl.<UInt>port("arg_mem" + p));
        }
        b.attribute(b.clock(), "X_INTERFACE_PARAMETER", "ASSOCIATED_BUSIF " + busifs + ", ASSOCIATED_RESET ap_rst_n");
        Bool interrupt = b.output(KernelSpec.INTERRUPT, Bool.type());
        interrupt.set(ctrl.port("irq"));
        b.attribute(interrupt, "X_INTERFACE_INFO", "xilinx.com:signal:interrupt:1.0 " + KernelSpec.INTERRUPT + " INTERRUPT");
        b.attribute(interrupt, "X_INTERFACE_PARAMETER", "SENSITIVITY LEVEL_HIGH");

        core.<UInt>port("prog_offset").set(ctrl.<UInt>port("scalar_prog_offset"));
        for (int i = 1; i <= RUN_REGISTERS; i++) {
            core.<UInt>port("start_r" + i).set(ctrl.<UInt>port("scalar_r" + i));
        }
        // One run in flight: ap_start offers the start beat while idle; the core taking it is ap_ready.
        Bool running = b.reg("running", Bool.type(), 0);
        UInt status = b.reg("last_status", UInt.type(STATUS_BITS), 0);
        Bool offer = b.named("start_offer", ctrl.<Bool>port("ap_start").and(running.not()));
        core.<Bool>port("start_valid").set(offer);
        Bool taken = b.named("start_taken", offer.and(core.port("start_ready")));
        Bool done = core.port("done_valid");
        b.when(taken, () -> running.set(Bool.TRUE)).elseWhen(done, () -> running.set(Bool.FALSE));
        b.when(done, () -> status.set(core.<UInt>port("done_status")));
        ctrl.<Bool>port("ap_ready").set(taken);
        ctrl.<Bool>port("ap_done").set(done);
        ctrl.<Bool>port("ap_idle").set(running.not());
        ctrl.<UInt>port("status").set(status);
    }

    /** m_axi_gmem<p>: the core's port p with the AXI4 fields it implies (INCR bursts of full-width beats). */
    private static void master(ModuleBuilder b, Instance core, HwConfig hw, int p) {
        String m = "m" + p;
        int bits = hw.portBits();
        UInt size = UInt.lit(Integer.numberOfTrailingZeros(hw.portBytes()), 3);
        UInt incr = UInt.lit(1, 2);
        Ports rd = b.ports(KernelSpec.MASTER + p, AxiBundles.readMaster(bits));
        rd.<Bool>get("arvalid").set(core.port(m + "_ar_valid"));
        core.<Bool>port(m + "_ar_ready").set(rd.get("arready"));
        rd.<UInt>get("araddr").set(core.<Bits>port(m + "_ar_addr").asUInt());
        rd.<UInt>get("arlen").set(core.<Bits>port(m + "_ar_len").asUInt());
        rd.<UInt>get("arsize").set(size);
        rd.<UInt>get("arburst").set(incr);
        core.<Bool>port(m + "_r_valid").set(rd.get("rvalid"));
        rd.<Bool>get("rready").set(core.port(m + "_r_ready"));
        core.<Bits>port(m + "_r_data").set(rd.<UInt>get("rdata").asBits());
        core.<Bool>port(m + "_r_last").set(rd.get("rlast"));
        core.<UInt>port(m + "_r_resp").set(rd.get("rresp"));
        Ports wr = b.ports(KernelSpec.MASTER + p, AxiBundles.writeMaster(bits));
        wr.<Bool>get("awvalid").set(core.port(m + "_aw_valid"));
        core.<Bool>port(m + "_aw_ready").set(wr.get("awready"));
        wr.<UInt>get("awaddr").set(core.<Bits>port(m + "_aw_addr").asUInt());
        wr.<UInt>get("awlen").set(core.<Bits>port(m + "_aw_len").asUInt());
        wr.<UInt>get("awsize").set(size);
        wr.<UInt>get("awburst").set(incr);
        wr.<Bool>get("wvalid").set(core.port(m + "_w_valid"));
        core.<Bool>port(m + "_w_ready").set(wr.get("wready"));
        wr.<UInt>get("wdata").set(core.<Bits>port(m + "_w_data").asUInt());
        wr.<UInt>get("wstrb").set(core.<Bits>port(m + "_w_strb").asUInt());
        wr.<Bool>get("wlast").set(core.port(m + "_w_last"));
        core.<Bool>port(m + "_b_valid").set(wr.get("bvalid"));
        wr.<Bool>get("bready").set(core.port(m + "_b_ready"));
        core.<UInt>port(m + "_b_resp").set(wr.get("bresp"));
    }
}
