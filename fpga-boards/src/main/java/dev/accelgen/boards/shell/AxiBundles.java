package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Bundle;
import dev.accelgen.hdl.UInt;

/**
 * AXI channel groups as seen from the module that declares them. Only the signals the Vitis kernel rules need:
 * no IDs, locks, caches, QoS or user bits (all optional in AXI4 and in Vitis).
 */
public final class AxiBundles {
    public static final int ADDR_BITS = 64;

    private AxiBundles() {
    }

    /** AXI4-Lite slave channels (the control interface), address {@code addrBits} wide, 32-bit data. */
    public static Bundle liteSlave(int addrBits) {
        return Bundle.create()
                .in("awvalid", Bool.type()).out("awready", Bool.type()).in("awaddr", UInt.type(addrBits))
                .in("wvalid", Bool.type()).out("wready", Bool.type()).in("wdata", UInt.type(32)).in("wstrb", UInt.type(4))
                .out("bvalid", Bool.type()).in("bready", Bool.type()).out("bresp", UInt.type(2))
                .in("arvalid", Bool.type()).out("arready", Bool.type()).in("araddr", UInt.type(addrBits))
                .out("rvalid", Bool.type()).in("rready", Bool.type()).out("rdata", UInt.type(32)).out("rresp", UInt.type(2));
    }

    /** AXI4 master read channels (AR, R), {@code dataBits} wide. */
    public static Bundle readMaster(int dataBits) {
        return Bundle.create()
                .out("arvalid", Bool.type()).in("arready", Bool.type()).out("araddr", UInt.type(ADDR_BITS))
                .out("arlen", UInt.type(8)).out("arsize", UInt.type(3)).out("arburst", UInt.type(2))
                .in("rvalid", Bool.type()).out("rready", Bool.type()).in("rdata", UInt.type(dataBits))
                .in("rlast", Bool.type()).in("rresp", UInt.type(2));
    }

    /** AXI4 master write channels (AW, W, B), {@code dataBits} wide. */
    public static Bundle writeMaster(int dataBits) {
        return Bundle.create()
                .out("awvalid", Bool.type()).in("awready", Bool.type()).out("awaddr", UInt.type(ADDR_BITS))
                .out("awlen", UInt.type(8)).out("awsize", UInt.type(3)).out("awburst", UInt.type(2))
                .out("wvalid", Bool.type()).in("wready", Bool.type()).out("wdata", UInt.type(dataBits))
                .out("wstrb", UInt.type(dataBits / 8)).out("wlast", Bool.type())
                .in("bvalid", Bool.type()).out("bready", Bool.type()).in("bresp", UInt.type(2));
    }
}
