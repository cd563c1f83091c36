package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.Ports;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;

/**
 * AXI4 master write engine. A command (cmd_valid for one cycle while idle) writes {@code cmd_words} words (bus beats)
 * to {@code cmd_addr} (word aligned). The engine asks for word i on {@code word_index} and takes
 * {@code word_data} in the same cycle (a random-access source such as a result register file). Bursts of up to
 * maxBurst beats, split at 4 KB boundaries, up to maxOutstanding bursts awaiting their response; the W channel
 * walks the same burst sequence as AW, so wlast needs no queue. busy stays high until every response arrived;
 * a non-OKAY response sets the sticky {@code error} until the next command.
 */
public final class AxiWriteEngine implements ModuleGen<AxiEngineConfig> {
    @Override
    public String moduleName(AxiEngineConfig c) {
        return "axi_write_engine_" + c.suffix();
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
        UInt wordIndex = b.output("word_index", UInt.type(c.countBits()));
        UInt wordData = b.input("word_data", UInt.type(c.dataBits()));
        Bool error = b.output("error", Bool.type());
        Ports m = b.ports("m", AxiBundles.writeMaster(c.dataBits()));

        UInt awAddr = b.reg("aw_addr", UInt.type(AxiBundles.ADDR_BITS), 0);
        UInt awLeft = b.reg("aw_left", UInt.type(c.countBits()), 0);
        UInt wAddr = b.reg("w_addr", UInt.type(AxiBundles.ADDR_BITS), 0);
        UInt wLeft = b.reg("w_left", UInt.type(c.countBits()), 0);
        UInt wBeat = b.reg("w_beat", UInt.type(c.burstBits()), 0);
        UInt wIndex = b.reg("w_index", UInt.type(c.countBits()), 0);
        UInt awaiting = b.reg("awaiting", UInt.type(c.outstandingBits()), 0);
        Bool err = b.reg("err", Bool.type(), 0);

        UInt awBeats = BurstMath.burstBeats(b, "aw", awAddr, awLeft, c);
        UInt wBeats = BurstMath.burstBeats(b, "w", wAddr, wLeft, c);
        Bool awValid = b.named("aw_valid", awLeft.ne(0).and(awaiting.lt(c.maxOutstanding())));
        Bool awFire = b.named("aw_fire", awValid.and(m.get("awready")));
        Bool wValid = b.named("w_valid", wLeft.ne(0));
        Bool wFire = b.named("w_fire", wValid.and(m.get("wready")));
        Bool wLast = b.named("w_last", wBeat.zext(c.burstBits() + 1).add(1).trunc(c.burstBits() + 1)
                .eq(wBeats.zext(c.burstBits() + 1)));
        Bool bFire = b.named("b_fire", m.<Bool>get("bvalid"));

        m.<Bool>get("awvalid").set(awValid);
        m.<UInt>get("awaddr").set(awAddr);
        m.<UInt>get("awlen").set(awBeats.zext(9).subWrap(1).trunc(8));
        m.<UInt>get("awsize").set(c.sizeLog2());
        m.<UInt>get("awburst").set(1);
        m.<Bool>get("wvalid").set(wValid);
        m.<UInt>get("wdata").set(wordData);
        m.<UInt>get("wstrb").set(Bits.replicate(Bool.TRUE, c.dataBits() / 8).asUInt());
        m.<Bool>get("wlast").set(wLast);
        m.<Bool>get("bready").set(Bool.TRUE);

        b.when(cmdValid.and(busy.not()), () -> {
            awAddr.set(cmdAddr);
            awLeft.set(cmdWords);
            wAddr.set(cmdAddr);
            wLeft.set(cmdWords);
            wBeat.set(0);
            wIndex.set(0);
            err.set(Bool.FALSE);
        }).otherwise(() -> {
            b.when(awFire, () -> {
                awAddr.set(awAddr.addWrap(awBeats.zext(AxiBundles.ADDR_BITS).shl(c.sizeLog2()).trunc(AxiBundles.ADDR_BITS)));
                awLeft.set(awLeft.subWrap(widen(awBeats, c.countBits())));
            });
            b.when(wFire, () -> {
                wIndex.set(wIndex.addWrap(1));
                b.when(wLast, () -> {
                    wBeat.set(0);
                    wAddr.set(wAddr.addWrap(wBeats.zext(AxiBundles.ADDR_BITS).shl(c.sizeLog2()).trunc(AxiBundles.ADDR_BITS)));
                    wLeft.set(wLeft.subWrap(widen(wBeats, c.countBits())));
                }).otherwise(() -> wBeat.set(wBeat.addWrap(1)));
            });
            b.when(awFire.and(bFire.not()), () -> awaiting.set(awaiting.addWrap(1)))
                    .elseWhen(bFire.and(awFire.not()), () -> awaiting.set(awaiting.subWrap(1)));
            b.when(bFire.and(m.<UInt>get("bresp").ne(0)), () -> err.set(Bool.TRUE));
        });

        busy.set(awLeft.ne(0).or(wLeft.ne(0)).or(awaiting.ne(0)));
        wordIndex.set(wIndex);
        error.set(err);
    }

    /** A burst length as a word count of {@code bits} bits (counts are never narrower than a burst length needs). */
    static UInt widen(UInt beats, int bits) {
        return beats.width() <= bits ? beats.zext(bits) : beats.trunc(bits);
    }
}
