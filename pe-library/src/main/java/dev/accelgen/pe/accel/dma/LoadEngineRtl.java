package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.catLowFirst;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.ctrl.EntryFields;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.rtl.CoreNames;
import dev.accelgen.pe.accel.rtl.RtlUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * The load engine (cycle model: {@link LoadEngine}). Inputs: {@code start} with the load queue's head entry on
 * {@code instr}, the port bases, each port's AR/R channel, the ABUF write grant; outputs: AR requests and R
 * ready per port, the ABUF write request, the WBUF write, and busy / done / push_next / error. All outputs are
 * functions of registers.
 */
public final class LoadEngineRtl implements ModuleGen<HwConfig> {
    private static final int W = BurstIssuerRtl.COUNT_BITS;
    static final int LINEAR = 0;
    static final int INDIRECT = 1;
    static final int WBUF = 2;

    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "load");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        int ports = c.ports();
        int pb = c.portBytes();
        int portSel = bitsFor(ports - 1);
        DmaSideRtl side = new DmaSideRtl(b, c, Queue.LOAD, "push_next");
        Bool start = side.start;
        EntryFields f = side.instr;
        List<UInt> bases = side.bases;
        Bool busy = side.busy;
        List<AxiReadPins> m = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            m.add(AxiReadPins.declare(b, "m" + p, c.portBits()));
        }
        Bool abReq = b.output("ab_wr_req", Bool.type());
        UInt abAddr = b.output("ab_wr_addr", UInt.type(W));
        Bits abData = b.output("ab_wr_data", Bits.type(c.abufWordBits()));
        Bool abGrant = b.input("ab_wr_grant", Bool.type());
        Bool wbEn = b.output("wb_wr_en", Bool.type());
        Bool wbBank = b.output("wb_wr_bank", Bool.type());
        UInt wbAddr = b.output("wb_wr_addr", UInt.type(W));
        Bits wbData = b.output("wb_wr_data", Bits.type(c.wbufWordBits()));

        UInt mode = b.reg("mode_q", UInt.type(2), 0);
        UInt port = b.reg("port_q", UInt.type(portSel), 0);
        Bool bank = b.reg("bank_q", Bool.type(), 0);
        UInt rows = b.reg("rows_q", UInt.type(W), 0);
        UInt beatsPerRow = b.reg("beats_per_row_q", UInt.type(W), 0);
        UInt wordsLeft = b.reg("words_left_q", UInt.type(W), 0);
        UInt wAddr = b.reg("wbuf_addr_q", UInt.type(W), 0);

        List<BurstIssuerRtl> issuers = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            issuers.add(new BurstIssuerRtl(b, "iss" + p, pb, c.maxBurst(), c.maxOutstanding()));
        }
        AbufLoadPathRtl abuf = new AbufLoadPathRtl(b, pb, c.lanes());
        IndirectWalkRtl walk = new IndirectWalkRtl(b, pb);
        Bool isWbuf = b.named("is_wbuf", mode.eq(WBUF));
        Bool isIndirect = b.named("is_indirect", mode.eq(INDIRECT));
        Bool expectsIdx = b.named("expects_index", isIndirect.and(walk.expectsIndex(abuf.rowsLeft)));

        // WBUF: a two-entry beat FIFO per port; a word is written when every port has a beat
        List<Bits[]> wf = new ArrayList<>();
        List<Bool> wfHead = new ArrayList<>();
        List<UInt> wfCount = new ArrayList<>();
        Bool allHave = busy.and(isWbuf);
        for (int p = 0; p < ports; p++) {
            wf.add(new Bits[] {b.reg("wf" + p + "_data_0", Bits.type(c.portBits()), 0),
                b.reg("wf" + p + "_data_1", Bits.type(c.portBits()), 0)});
            wfHead.add(b.reg("wf" + p + "_head", Bool.type(), 0));
            wfCount.add(b.reg("wf" + p + "_count", UInt.type(2), 0));
            allHave = allHave.and(wfCount.get(p).ne(0));
        }
        Bool wbWrite = b.named("wbuf_write", allHave);

        for (int p = 0; p < ports; p++) {
            AxiReadPins pin = m.get(p);
            BurstIssuerRtl iss = issuers.get(p);
            pin.arValid().set(busy.and(iss.valid()));
            pin.arAddr().set(iss.addr().asBits());
            pin.arLen().set(iss.len().asBits());
            Bool mine = port.eq(p).and(expectsIdx.or(abuf.rReady()));
            pin.rReady().set(busy.and(isWbuf.select(wfCount.get(p).lt(2), mine)));
        }
        abReq.set(busy.and(isWbuf.not()).and(abuf.request()));
        abAddr.set(abuf.requestAddr());
        abData.set(abuf.requestData());
        wbEn.set(wbWrite);
        wbBank.set(bank);
        wbAddr.set(wAddr);
        List<Bits> heads = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            heads.add(wfHead.get(p).select(wf.get(p)[1], wf.get(p)[0]));
        }
        wbData.set(catLowFirst(heads));

        // the clock edge
        Bool finished = b.named("finished", busy.and(isWbuf.select(wordsLeft.eq(0), abuf.rowsLeft.eq(0).and(abuf.empty()))));
        List<Bool> fires = new ArrayList<>();
        List<Bool> errs = new ArrayList<>();
        for (AxiReadPins pin : m) {
            Bool fire = pin.rValid().and(pin.rReady());
            fires.add(fire);
            errs.add(fire.and(pin.rResp().ne(0)));
        }
        Bool selFire = b.named("sel_r_fire", new Vec<>(fires).read(port));
        Bits selData = b.named("sel_r_data", new Vec<>(m.stream().map(AxiReadPins::rData).toList()).read(port));
        side.errors(busy.and(RtlUtil.any(errs)));

        // WBUF FIFOs
        for (int p = 0; p < ports; p++) {
            Bool push = busy.and(isWbuf).and(fires.get(p));
            Bool slot = wfHead.get(p).xor(wfCount.get(p).bit(0));
            Bits[] d = wf.get(p);
            Bits data = m.get(p).rData();
            b.when(push.and(slot.not()), () -> d[0].set(data));
            b.when(push.and(slot), () -> d[1].set(data));
            Bool h = wfHead.get(p);
            b.when(wbWrite, () -> h.set(h.not()));
            UInt cnt = wfCount.get(p);
            cnt.set(cnt.resize(3).addWrap(push.asUInt().resize(3)).subWrap(wbWrite.asUInt().resize(3)).resize(2));
        }
        b.when(wbWrite, () -> {
            wAddr.set(wAddr.addWrap(1));
            wordsLeft.set(wordsLeft.subWrap(1));
        });

        // ABUF: index beats to the walk, data beats to the path
        Bool abActive = b.named("abuf_active", busy.and(isWbuf.not()));
        Bool idxBeat = b.named("index_beat", abActive.and(selFire).and(expectsIdx));
        Bool dataBeat = b.named("data_beat", abActive.and(selFire).and(expectsIdx.not()));
        Bool issuerIdle = b.named("port_issuer_idle", new Vec<>(issuers.stream().map(BurstIssuerRtl::issued).toList())
                .read(port));
        IndirectWalkRtl.Loads loads = walk.tick(abActive.and(isIndirect), issuerIdle);
        walk.indexBeat(idxBeat, selData, rows.subWrap(abuf.rowsLeft), abuf.rowsLeft);
        Bool rowEnd = abuf.tick(abActive.and(abGrant), dataBeat, selData, beatsPerRow);
        walk.rowReceived(rowEnd.and(isIndirect));
        for (int p = 0; p < ports; p++) {
            AxiReadPins pin = m.get(p);
            issuers.get(p).tick(busy.and(pin.arValid()).and(pin.arReady()), busy.and(fires.get(p)).and(pin.rLast()));
        }
        for (int p = 0; p < ports; p++) {
            Bool here = port.eq(p);
            issuers.get(p).load(loads.index().and(here), bases.get(p), loads.indexOffset(), u(0, W), u(1, W), u(1, W));
            issuers.get(p).load(loads.row().and(here), bases.get(p), loads.rowOffset(), u(0, W), beatsPerRow, u(1, W));
        }
        side.finish(finished);

        // start: latch the LD at the queue head
        UInt target = f.field(Opcode.LD, "target");
        UInt rowBytes = f.field(Opcode.LD, "rowBytes");
        UInt nRows = f.field(Opcode.LD, "rows");
        UInt src = f.field(Opcode.LD, "src");
        UInt stride = f.field(Opcode.LD, "srcStride");
        UInt portField = f.field(Opcode.LD, "port").resize(portSel);
        Bool toAbuf = target.eq(0);
        UInt bpr = b.named("start_beats_per_row", rowBytes.resize(W).addWrap(pb - 1).shr(log2(pb)).resize(W));
        Bool linear = start.and(toAbuf).and(f.field(Opcode.LD, "mode").eq(0));
        Bool indirect = start.and(toAbuf).and(f.field(Opcode.LD, "mode").eq(1));
        Bool striped = start.and(toAbuf.not());
        abuf.start(start.and(toAbuf), nRows, rowBytes, f.field(Opcode.LD, "dst"), f.field(Opcode.LD, "dstStride"));
        walk.start(indirect, nRows, src, stride, f.field(Opcode.LD, "index"));
        for (int p = 0; p < ports; p++) {
            issuers.get(p).load(linear.and(portField.eq(p)), bases.get(p), src, stride, bpr, nRows);
            issuers.get(p).load(striped, bases.get(p), src, u(0, W), nRows, nRows.ne(0).asUInt().resize(W));
        }
        side.begin(f.dep(3));
        b.when(start, () -> {
            port.set(portField);
            rows.set(nRows);
            beatsPerRow.set(bpr);
            mode.set(toAbuf.select(f.field(Opcode.LD, "mode").resize(2), u(WBUF, 2)));
            bank.set(target.eq(2));
            wordsLeft.set(nRows);
            wAddr.set(f.field(Opcode.LD, "dst"));
        });
    }
}
