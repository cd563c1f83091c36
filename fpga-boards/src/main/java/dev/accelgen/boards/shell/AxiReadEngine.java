package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Ports;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;

/**
 * AXI4 master read engine. A command (cmd_valid for one cycle while idle) reads {@code cmd_words} words (bus beats)
 * from {@code cmd_addr} (word aligned) in INCR bursts of up to maxBurst beats, split at 4 KB boundaries, with up
 * to maxOutstanding bursts in flight. Words come out in address order on data_valid/data (always accepted);
 * busy stays high until the last word arrived. A non-OKAY read response sets the sticky {@code error} until
 * the next command.
 */
public final class AxiReadEngine implements ModuleGen<AxiEngineConfig> {
    @Override
    public String moduleName(AxiEngineConfig c) {
        return "axi_read_engine_" + c.suffix();
    }

    @Override
    public void build(ModuleBuilder b, AxiEngineConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, AxiEngineConfig c) {
        Bool cmdValid = b.input("cmd_valid", Bool.type());
        UInt cmdAddr = b.input("cmd_addr", UInt.type(AxiBundles.ADDR_BITS));
        UInt cmdWords = b.input("cmd_words", UInt.type(c.countBits()));
        Bool busy = b.output("busy", Bool.type());
        Bool dataValid = b.output("data_valid", Bool.type());
        UInt data = b.output("data", UInt.type(c.dataBits()));
        Bool error = b.output("error", Bool.type());
        Ports m = b.ports("m", AxiBundles.readMaster(c.dataBits()));

        UInt arAddr = b.reg("ar_addr", UInt.type(AxiBundles.ADDR_BITS), 0);
        UInt arLeft = b.reg("ar_left", UInt.type(c.countBits()), 0);
        UInt rLeft = b.reg("r_left", UInt.type(c.countBits()), 0);
        UInt inFlight = b.reg("in_flight", UInt.type(c.outstandingBits()), 0);
        Bool err = b.reg("err", Bool.type(), 0);

        UInt beats = BurstMath.burstBeats(b, "ar", arAddr, arLeft, c);
        Bool arValid = b.named("ar_valid", arLeft.ne(0).and(inFlight.lt(c.maxOutstanding())));
        Bool arFire = b.named("ar_fire", arValid.and(m.get("arready")));
        Bool rFire = b.named("r_fire", m.<Bool>get("rvalid"));
        Bool burstDone = b.named("burst_done", rFire.and(m.get("rlast")));

        m.<Bool>get("arvalid").set(arValid);
        m.<UInt>get("araddr").set(arAddr);
        m.<UInt>get("arlen").set(beats.zext(9).subWrap(1).trunc(8));
        m.<UInt>get("arsize").set(c.sizeLog2());
        m.<UInt>get("arburst").set(1);
        m.<Bool>get("rready").set(Bool.TRUE);

        b.when(cmdValid.and(busy.not()), () -> {
            arAddr.set(cmdAddr);
            arLeft.set(cmdWords);
            rLeft.set(cmdWords);
            err.set(Bool.FALSE);
        }).otherwise(() -> {
            b.when(arFire, () -> {
                arAddr.set(arAddr.addWrap(beats.zext(AxiBundles.ADDR_BITS).shl(c.sizeLog2()).trunc(AxiBundles.ADDR_BITS)));
                arLeft.set(arLeft.subWrap(AxiWriteEngine.widen(beats, c.countBits())));
            });
            b.when(rFire, () -> rLeft.set(rLeft.subWrap(1)));
            b.when(arFire.and(burstDone.not()), () -> inFlight.set(inFlight.addWrap(1)))
                    .elseWhen(burstDone.and(arFire.not()), () -> inFlight.set(inFlight.subWrap(1)));
            b.when(rFire.and(m.<UInt>get("rresp").ne(0)), () -> err.set(Bool.TRUE));
        });

        busy.set(rLeft.ne(0));
        dataValid.set(rFire);
        data.set(m.<UInt>get("rdata"));
        error.set(err);
    }
}
