package dev.accelgen.pe.vector.harness;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * Test top around one compute engine: ABUF, SBUF (and WBUF, both banks in one memory addressed
 * {@code {bank, addr}}) with one-cycle, read-first reads, and a minimal dispatcher.
 * <ul>
 *   <li>input stream {@code load} ({@code load_buf} 0 ABUF, 1 SBUF, 2/3 WBUF bank 0/1; {@code load_addr};
 *       {@code load_data_<k>}, 32-bit chunks from bit 0): writes one buffer word in the cycle it is accepted;
 *       ready while no instruction is issued or outstanding and the engine is not busy;</li>
 *   <li>input stream {@code instr} ({@code instr_<field>}): accepted when the engine is ready, no {@code go}
 *       is in flight and no load beat is waiting; raises {@code go} the next cycle with the fields registered;</li>
 *   <li>output streams {@code abw} and {@code sbw}: every engine write to ABUF / SBUF (address, data);</li>
 *   <li>output stream {@code done}: the first cycle the engine is not busy after a {@code go}
 *       ({@code done_count}: instructions accepted so far, mod 2^16).</li>
 * </ul>
 * {@link EngineBench} is the same top in Java.
 */
public final class EngineTop<C> implements ModuleGen<EngineTopConfig<C>> {
    @Override
    public String moduleName(EngineTopConfig<C> c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, EngineTopConfig<C> c) {
        EngineGeometry g = c.engine().geometry(c.config());
        List<EngineField> fields = c.engine().fields(c.config());
        EngineIo io = EngineIo.of(b.instance(c.engine(), c.config(), "engine"), g, fields);
        int lanes = g.lanes();
        int aw = g.abufAddrBits();
        int sw = g.sbufAddrBits();
        int loadAddrBits = loadAddrBits(g);

        Bool loadValid = b.input("load_valid", Bool.type());
        Bool loadReady = b.output("load_ready", Bool.type());
        UInt loadBuf = b.input("load_buf", UInt.type(2));
        UInt loadAddr = b.input("load_addr", UInt.type(loadAddrBits));
        List<Bits> loadData = new ArrayList<>();
        for (int k = 0; k < chunks(g); k++) {
            loadData.add(b.input("load_data_" + k, Bits.type(32)));
        }
        Bool instrValid = b.input("instr_valid", Bool.type());
        Bool instrReady = b.output("instr_ready", Bool.type());
        List<Val> instrPorts = new ArrayList<>();
        Bool goQ = b.reg("go_q", Bool.type(), 0);
        Bool pending = b.reg("pending", Bool.type(), 0);
        UInt count = b.reg("count", UInt.type(16), 0);

        Bool loadFire = b.named("load_fire", loadValid.and(loadReady));
        loadReady.set(goQ.not().and(pending.not()).and(io.busy().not()));
        Bool instrFire = b.named("instr_fire", instrValid.and(instrReady));
        instrReady.set(io.ready().and(goQ.not()).and(loadValid.not()));
        Bool doneValid = b.named("done_fire", pending.and(io.busy().not()));
        goQ.set(instrFire);
        b.when(instrFire, () -> count.set(count.addWrap(1)));
        b.when(goQ, () -> pending.set(Bool.TRUE)).elseWhen(doneValid, () -> pending.set(Bool.FALSE));
        io.go().set(goQ);
        for (EngineField f : fields) {
            Val in = f.signed() ? b.input("instr_" + f.name(), SInt.type(f.width()))
                    : b.input("instr_" + f.name(), UInt.type(f.width()));
            instrPorts.add(in);
            Val q = f.signed() ? b.reg("f_" + f.name() + "_q", SInt.type(f.width()), 0)
                    : b.reg("f_" + f.name() + "_q", UInt.type(f.width()), 0);
            b.when(instrFire, () -> q.set(in));
            io.field(f.name()).set(q);
        }

        Mem<Bits> abuf = b.mem("abuf", Bits.type(32 * lanes), 1 << aw, RamStyle.BLOCK);
        io.abRdData().set(abuf.readSync(io.abRdEn(), io.abRdAddr(), "abuf_q"));
        Bits loadWord = word(loadData, lanes);
        abuf.write(io.abWrEn().or(loadFire.and(loadBuf.eq(0))),
                io.abWrEn().select(io.abWrAddr(), loadAddr.resize(aw)), io.abWrEn().select(io.abWrData(), loadWord));
        Mem<Bits> sbuf = b.mem("sbuf", Bits.type(32), 1 << sw, RamStyle.BLOCK);
        io.sbRdData().set(sbuf.readSync(io.sbRdEn(), io.sbRdAddr(), "sbuf_q"));
        sbuf.write(io.sbWrEn().or(loadFire.and(loadBuf.eq(1))),
                io.sbWrEn().select(io.sbWrAddr(), loadAddr.resize(sw)), io.sbWrEn().select(io.sbWrData(), loadData.get(0)));
        if (g.hasWbuf()) {
            int ww = g.wbufAddrBits();
            Mem<Bits> wbuf = b.mem("wbuf", Bits.type(g.wbufWordBits()), 2 << ww, RamStyle.BLOCK);
            UInt rdAddr = b.named("wbuf_rd_addr", io.wbRdBank().shl(ww).resize(ww + 1).or(io.wbRdAddr().resize(ww + 1)));
            io.wbRdData().set(wbuf.readSync(io.wbRdEn(), rdAddr, "wbuf_q"));
            Bits wbWord = word(loadData, g.wbufWordBits() / 32);
            UInt wrAddr = b.named("wbuf_wr_addr", loadBuf.bit(0).asUInt().shl(ww).resize(ww + 1).or(loadAddr.resize(ww + 1)));
            wbuf.write(loadFire.and(loadBuf.bit(1)), wrAddr, wbWord);
        }

        List<Val> loadPorts = new ArrayList<>(List.of(loadBuf, loadAddr));
        loadPorts.addAll(loadData);
        b.stream("load", true, loadValid, loadReady, loadPorts.toArray(new Val[0]));
        b.stream("instr", true, instrValid, instrReady, instrPorts.toArray(new Val[0]));

        Bool abwValid = b.output("abw_valid", Bool.type());
        abwValid.set(io.abWrEn());
        UInt abwAddr = b.output("abw_addr", UInt.type(aw));
        abwAddr.set(io.abWrAddr());
        List<Val> abw = new ArrayList<>(List.of(abwAddr));
        for (int i = 0; i < lanes; i++) {
            SInt lane = b.output("abw_data_" + i, SInt.type(32));
            lane.set(io.abWrData().slice(32 * i + 31, 32 * i).asSInt());
            abw.add(lane);
        }
        b.stream("abw", false, abwValid, null, abw.toArray(new Val[0]));
        Bool sbwValid = b.output("sbw_valid", Bool.type());
        sbwValid.set(io.sbWrEn());
        UInt sbwAddr = b.output("sbw_addr", UInt.type(sw));
        sbwAddr.set(io.sbWrAddr());
        SInt sbwData = b.output("sbw_data", SInt.type(32));
        sbwData.set(io.sbWrData().asSInt());
        b.stream("sbw", false, sbwValid, null, sbwAddr, sbwData);
        Bool doneOut = b.output("done_valid", Bool.type());
        doneOut.set(doneValid);
        UInt doneCount = b.output("done_count", UInt.type(16));
        doneCount.set(count);
        b.stream("done", false, doneOut, null, doneCount);
    }

    /** The first {@code n} chunks as one word, chunk 0 in the low bits. */
    private static Bits word(List<Bits> chunks, int n) {
        Val[] msbFirst = new Val[n];
        for (int k = 0; k < n; k++) {
            msbFirst[n - 1 - k] = chunks.get(k);
        }
        return Bits.cat(msbFirst);
    }

    /** 32-bit chunks of a load beat: an ABUF word, or a WBUF word when wider. */
    static int chunks(EngineGeometry g) {
        return Math.max(g.lanes(), g.wbufWordBits() / 32);
    }

    static int loadAddrBits(EngineGeometry g) {
        return Math.max(Math.max(g.abufAddrBits(), g.sbufAddrBits()), g.wbufAddrBits());
    }
}
