package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.bytesToBits;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.lowBytesMask;
import static dev.accelgen.pe.accel.rtl.RtlUtil.min;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/** The RTL twin of {@link AbufLoadPath}, built into the load engine's module (registers {@code ab_*}). */
final class AbufLoadPathRtl {
    private static final int W = BurstIssuerRtl.COUNT_BITS;

    private final ModuleBuilder b;
    private final int portBits;
    private final int wordBytes;
    private final boolean narrow;
    private final int ratio;
    private final int ratioLog;
    final UInt rowsLeft;
    private final UInt wordsPerRow;
    private final UInt tailBytes;
    private final UInt rowDst;
    private final UInt dstStride;
    private final UInt beat;
    private final Bits[] data = new Bits[2];
    private final UInt[] addr = new UInt[2];
    private final UInt[] words = new UInt[2];
    private final UInt[] lastBytes = new UInt[2];
    private final Bool head;
    private final UInt count;
    private final Bits asm;
    private final UInt split;

    AbufLoadPathRtl(ModuleBuilder b, int portBytes, int lanes) {
        this.b = b;
        this.portBits = portBytes * 8;
        this.wordBytes = lanes * 4;
        this.narrow = portBytes <= wordBytes;
        this.ratio = narrow ? wordBytes / portBytes : portBytes / wordBytes;
        this.ratioLog = log2(ratio);
        rowsLeft = b.reg("ab_rows_left", UInt.type(W), 0);
        wordsPerRow = b.reg("ab_words_per_row", UInt.type(W), 0);
        tailBytes = b.reg("ab_tail_bytes", UInt.type(bitsFor(wordBytes)), 0);
        rowDst = b.reg("ab_row_dst", UInt.type(W), 0);
        dstStride = b.reg("ab_dst_stride", UInt.type(W), 0);
        beat = b.reg("ab_beat", UInt.type(W), 0);
        int entryBits = narrow ? wordBytes * 8 : portBits;
        for (int i = 0; i < 2; i++) {
            data[i] = b.reg("ab_fifo_data_" + i, Bits.type(entryBits), 0);
            addr[i] = b.reg("ab_fifo_addr_" + i, UInt.type(W), 0);
            if (!narrow) {
                words[i] = b.reg("ab_fifo_words_" + i, UInt.type(bitsFor(ratio)), 0);
                lastBytes[i] = b.reg("ab_fifo_last_bytes_" + i, UInt.type(bitsFor(wordBytes)), 0);
            }
        }
        head = b.reg("ab_fifo_head", Bool.type(), 0);
        count = b.reg("ab_fifo_count", UInt.type(2), 0);
        asm = narrow ? b.reg("ab_asm", Bits.type(wordBytes * 8), 0) : null;
        split = narrow ? null : b.reg("ab_split", UInt.type(bitsFor(ratio - 1)), 0);
    }

    Bool rReady() {
        return count.lt(2);
    }

    Bool empty() {
        return count.eq(0);
    }

    Bool request() {
        return count.ne(0);
    }

    UInt requestAddr() {
        UInt a = head.select(addr[1], addr[0]);
        return narrow ? a : a.addWrap(split.resize(W));
    }

    Bits requestData() {
        if (narrow) {
            return head.select(data[1], data[0]);
        }
        Bits entry = head.select(data[1], data[0]);
        List<Bits> ws = new ArrayList<>();
        for (int j = 0; j < ratio; j++) {
            ws.add(entry.slice((j + 1) * wordBytes * 8 - 1, j * wordBytes * 8));
        }
        Bits word = b.named("ab_split_word", new Vec<>(ws).read(split));
        UInt n = head.select(words[1], words[0]);
        UInt keep = head.select(lastBytes[1], lastBytes[0]);
        Bool last = split.resize(n.width()).eq(n.subWrap(1));
        Bits mask = bytesToBits(lowBytesMask(keep, wordBytes));
        return last.select(word.and(mask), word);
    }

    /** Loads the row walk at an instruction's start. */
    void start(Bool cond, UInt rows, UInt rowBytes, UInt dst, UInt stride) {
        int wl = log2(wordBytes);
        b.when(cond, () -> {
            rowsLeft.set(rows);
            wordsPerRow.set(rowBytes.resize(W).addWrap(wordBytes - 1).shr(wl).resize(W));
            tailBytes.set(rowBytes.resize(W).subWrap(1).resize(wl).resize(bitsFor(wordBytes)).addWrap(1));
            rowDst.set(dst);
            dstStride.set(stride.resize(W));
            beat.set(0);
        });
    }

    /** The clock edge; returns the condition "this beat ended a row". */
    Bool tick(Bool granted, Bool beatFire, Bits beatData, UInt beatsPerRow) {
        Bool lastOfRow = b.named("ab_last_of_row", beat.eq(beatsPerRow.subWrap(1)));
        Bool push = b.named("ab_push", narrow ? beatFire.and(pos().eq(ratio - 1).or(lastOfRow)) : beatFire);
        Bool pop = b.named("ab_pop", narrow ? granted : granted.and(split.resize(words[0].width())
                .eq(head.select(words[1], words[0]).subWrap(1))));
        Bool slot = b.named("ab_push_slot", head.xor(count.bit(0)));
        if (narrow) {
            narrowBeat(beatFire, push, slot, beatData, lastOfRow);
        } else {
            wideBeat(push, slot, beatData, lastOfRow);
            b.when(granted, () -> split.set(pop.select(u(0, split.width()), split.addWrap(1))));
        }
        b.when(pop, () -> head.set(head.not()));
        UInt c3 = count.resize(3);
        UInt next = c3.addWrap(push.asUInt().resize(3)).subWrap(pop.asUInt().resize(3));
        count.set(next.resize(2));
        b.when(beatFire, () -> {
            b.when(lastOfRow, () -> {
                beat.set(0);
                rowsLeft.set(rowsLeft.subWrap(1));
                rowDst.set(rowDst.addWrap(dstStride));
            }).otherwise(() -> beat.set(beat.addWrap(1)));
        });
        return b.named("ab_row_end", beatFire.and(lastOfRow));
    }

    private UInt pos() {
        return ratioLog == 0 ? u(0, 1) : beat.slice(ratioLog - 1, 0);
    }

    private void narrowBeat(Bool beatFire, Bool push, Bool slot, Bits beatData, Bool lastOfRow) {
        List<Bits> parts = new ArrayList<>();
        for (int j = 0; j < ratio; j++) {
            Bits old = asm.slice((j + 1) * portBits - 1, j * portBits);
            parts.add(ratio == 1 ? beatData : pos().eq(j).select(beatData, old));
        }
        Bits filled = b.named("ab_asm_next", dev.accelgen.pe.accel.rtl.RtlUtil.catLowFirst(parts));
        UInt w = b.named("ab_word_index", beat.shr(ratioLog).resize(W));
        Bool lastWord = w.eq(wordsPerRow.subWrap(1));
        Bits masked = b.named("ab_word_masked", lastWord.select(filled.and(bytesToBits(lowBytesMask(tailBytes,
                wordBytes))), filled));
        UInt wordAddr = rowDst.addWrap(w);
        b.when(beatFire, () -> asm.set(push.select(Bits.lit(0, asm.width()), filled)));
        for (int i = 0; i < 2; i++) {
            Bool here = i == 0 ? slot.not() : slot;
            int k = i;
            b.when(push.and(here), () -> {
                data[k].set(masked);
                addr[k].set(wordAddr);
            });
        }
    }

    private void wideBeat(Bool push, Bool slot, Bits beatData, Bool lastOfRow) {
        UInt w0 = b.named("ab_first_word", beat.shl(ratioLog).resize(W));
        UInt nWords = b.named("ab_beat_words", min(u(ratio, W), wordsPerRow.subWrap(w0)).resize(bitsFor(ratio)));
        UInt keep = lastOfRow.select(tailBytes, u(wordBytes, tailBytes.width()));
        for (int i = 0; i < 2; i++) {
            Bool here = i == 0 ? slot.not() : slot;
            int k = i;
            b.when(push.and(here), () -> {
                data[k].set(beatData);
                addr[k].set(rowDst.addWrap(w0));
                words[k].set(nWords);
                lastBytes[k].set(keep);
            });
        }
    }
}
