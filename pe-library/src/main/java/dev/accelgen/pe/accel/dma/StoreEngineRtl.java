package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.lowBytesMask;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The store engine (cycle model: {@link StoreEngine}). Inputs: {@code start} with the store queue's head entry
 * on {@code instr}, the port bases, each port's AW/W/B channel, the ABUF read grant and data; outputs: AW, W and
 * B ready per port, the ABUF read request, and busy / done / push_prev / error, all from registers.
 */
public final class StoreEngineRtl implements ModuleGen<HwConfig> {
    private static final int W = BurstIssuerRtl.COUNT_BITS;

    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "store");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        int ports = c.ports();
        int pb = c.portBytes();
        int portSel = bitsFor(ports - 1);
        DmaSideRtl side = new DmaSideRtl(b, c, Queue.STORE, "push_prev");
        Bool start = side.start;
        EntryFields f = side.instr;
        List<UInt> bases = side.bases;
        Bool busy = side.busy;
        List<AxiWritePins> m = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            m.add(AxiWritePins.declare(b, "m" + p, c.portBits()));
        }
        Bool rdReq = b.output("ab_rd_req", Bool.type());
        UInt rdAddr = b.output("ab_rd_addr", UInt.type(W));
        Bool rdGrant = b.input("ab_rd_grant", Bool.type());
        Bits rdData = b.input("ab_rd_data", Bits.type(c.abufWordBits()));

        UInt port = b.reg("port_q", UInt.type(portSel), 0);
        UInt beatsPerRow = b.reg("beats_per_row_q", UInt.type(W), 0);
        UInt lastBeatBytes = b.reg("last_beat_bytes_q", UInt.type(bitsFor(pb)), 0);
        UInt rdRowsLeft = b.reg("rd_rows_left_q", UInt.type(W), 0);
        UInt rdWord = b.reg("rd_word_q", UInt.type(W), 0);
        UInt rdRowAddr = b.reg("rd_row_addr_q", UInt.type(W), 0);
        UInt srcStride = b.reg("src_stride_q", UInt.type(W), 0);
        Bool rdPending = b.reg("rd_pending_q", Bool.type(), 0);
        UInt wRowsLeft = b.reg("w_rows_left_q", UInt.type(W), 0);
        UInt wBeat = b.reg("w_beat_q", UInt.type(W), 0);
        UInt wRowBeatsLeft = b.reg("w_row_beats_left_q", UInt.type(W), 0);
        UInt wBurstLeft = b.reg("w_burst_left_q", UInt.type(bitsFor(c.maxBurst())), 0);
        UInt wAddr = b.reg("w_addr_q", UInt.type(BurstIssuerRtl.ADDR_BITS), 0);
        UInt wRowOffset = b.reg("w_row_offset_q", UInt.type(W), 0);
        UInt dstStride = b.reg("dst_stride_q", UInt.type(W), 0);
        Bool wValid = b.reg("w_valid_q", Bool.type(), 0);
        Bits wData = b.reg("w_data_q", Bits.type(c.portBits()), 0);
        Bits wStrb = b.reg("w_strb_q", Bits.type(pb), 0);
        Bool wLast = b.reg("w_last_q", Bool.type(), 0);
        BurstIssuerRtl aw = new BurstIssuerRtl(b, "aw", pb, c.maxBurst(), c.maxOutstanding());
        StoreWordsRtl words = new StoreWordsRtl(b, pb, c.lanes());

        for (int p = 0; p < ports; p++) {
            AxiWritePins pin = m.get(p);
            Bool mine = busy.and(port.eq(p));
            pin.awValid().set(mine.and(aw.valid()));
            pin.awAddr().set(aw.addr().asBits());
            pin.awLen().set(aw.len().asBits());
            pin.wValid().set(mine.and(wValid));
            pin.wData().set(wData);
            pin.wStrb().set(wStrb);
            pin.wLast().set(wLast);
            pin.bReady().set(Bool.TRUE);
        }
        int cw = words.count().width();
        rdReq.set(busy.and(rdRowsLeft.ne(0)).and(words.count().resize(cw + 1)
                .addWrap(rdPending.asUInt().resize(cw + 1)).lt(words.depth())));
        rdAddr.set(rdRowAddr.addWrap(rdWord));

        // the clock edge
        Bool awFire = b.named("aw_fire", new Vec<>(m.stream().map(p -> p.awValid().and(p.awReady())).toList()).read(port));
        Bool wFire = b.named("w_fire", new Vec<>(m.stream().map(p -> p.wValid().and(p.wReady())).toList()).read(port));
        Bool bFire = b.named("b_fire", busy.and(new Vec<>(m.stream().map(AxiWritePins::bValid).toList()).read(port)));
        UInt bResp = b.named("b_resp_sel", new Vec<>(m.stream().map(AxiWritePins::bResp).toList()).read(port));
        Bool finished = b.named("finished", busy.and(wRowsLeft.eq(0)).and(wValid.not()).and(aw.issued())
                .and(aw.inFlight().eq(0)));
        side.errors(bFire.and(bResp.ne(0)));
        aw.tick(busy.and(awFire), bFire);

        Bool lastOfRow = b.named("w_last_of_row", wBeat.eq(beatsPerRow.subWrap(1)));
        Bool canLoad = wValid.not().or(wFire);
        UInt need = words.wordsFor(wBeat);
        Bool load = b.named("w_load", busy.and(canLoad).and(wRowsLeft.ne(0)).and(words.count().ge(need)));
        StoreWordsRtl.Beat beat = words.beat(wBeat, lastOfRow);
        UInt curBurst = b.named("w_burst_cur", wBurstLeft.eq(0).select(BurstIssuerRtl.burstBeats(b, "w", wAddr,
                wRowBeatsLeft, pb, c.maxBurst()).resize(wBurstLeft.width()), wBurstLeft));
        UInt rowBase = b.named("w_row_base", new Vec<>(bases).read(port));
        b.when(load, () -> {
            wData.set(beat.data());
            wStrb.set(lastOfRow.select(lowBytesMask(lastBeatBytes, pb), Bits.replicate(Bool.TRUE, pb)));
            wLast.set(curBurst.eq(1));
            wBurstLeft.set(curBurst.subWrap(1));
            wValid.set(Bool.TRUE);
            b.when(lastOfRow, () -> {
                UInt next = wRowOffset.addWrap(dstStride);
                wBeat.set(0);
                wRowsLeft.set(wRowsLeft.subWrap(1));
                wRowOffset.set(next);
                wAddr.set(rowBase.addWrap(next.resize(BurstIssuerRtl.ADDR_BITS)));
                wRowBeatsLeft.set(beatsPerRow);
            }).otherwise(() -> {
                wBeat.set(wBeat.addWrap(1));
                wAddr.set(wAddr.addWrap(pb));
                wRowBeatsLeft.set(wRowBeatsLeft.subWrap(1));
            });
        }).elseWhen(busy.and(wFire), () -> wValid.set(Bool.FALSE));
        Bool granted = busy.and(rdGrant);
        words.tick(load, beat.pops(), busy.and(rdPending), rdData);
        b.when(busy, () -> rdPending.set(granted));
        b.when(granted, () -> {
            b.when(rdWord.eq(words.wordsPerRow.subWrap(1)), () -> {
                rdWord.set(0);
                rdRowsLeft.set(rdRowsLeft.subWrap(1));
                rdRowAddr.set(rdRowAddr.addWrap(srcStride));
            }).otherwise(() -> rdWord.set(rdWord.addWrap(1)));
        });
        side.finish(finished);

        // start: latch the ST at the queue head
        UInt rowBytes = f.field(Opcode.ST, "rowBytes");
        UInt rows = f.field(Opcode.ST, "rows");
        UInt dst = f.field(Opcode.ST, "dst");
        UInt stride = f.field(Opcode.ST, "dstStride");
        UInt portField = f.field(Opcode.ST, "port").resize(portSel);
        UInt bpr = b.named("start_beats_per_row", rowBytes.resize(W).addWrap(pb - 1).shr(log2(pb)).resize(W));
        UInt startBase = b.named("start_base", new Vec<>(bases).read(portField));
        aw.load(start, startBase, dst, stride, bpr, rows);
        words.start(start, rowBytes);
        side.begin(f.dep(2));
        b.when(start, () -> {
            port.set(portField);
            beatsPerRow.set(bpr);
            lastBeatBytes.set(rowBytes.resize(W).subWrap(1).resize(log2(pb)).resize(bitsFor(pb)).addWrap(1));
            dstStride.set(stride);
            rdRowsLeft.set(rows);
            rdWord.set(0);
            rdRowAddr.set(f.field(Opcode.ST, "src"));
            srcStride.set(f.field(Opcode.ST, "srcStride").resize(W));
            rdPending.set(Bool.FALSE);
            wRowsLeft.set(rows);
            wBeat.set(0);
            wRowBeatsLeft.set(bpr);
            wBurstLeft.set(0);
            wRowOffset.set(dst);
            wAddr.set(startBase.addWrap(dst.resize(BurstIssuerRtl.ADDR_BITS)));
            wValid.set(Bool.FALSE);
        });
    }
}
