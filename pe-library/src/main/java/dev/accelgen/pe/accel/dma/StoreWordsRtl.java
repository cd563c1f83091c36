package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.catLowFirst;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.min;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/** The RTL twin of {@link StoreWords}, built into the store engine's module (registers {@code sw_*}). */
final class StoreWordsRtl {
    private static final int W = BurstIssuerRtl.COUNT_BITS;

    private final ModuleBuilder b;
    private final int portBits;
    private final int wordBits;
    private final boolean narrow;
    private final int ratio;
    private final int depth;
    private final List<Bits> ring = new ArrayList<>();
    private final UInt head;
    private final UInt count;
    final UInt wordsPerRow;
    private UInt beatWords;

    StoreWordsRtl(ModuleBuilder b, int portBytes, int lanes) {
        this.b = b;
        this.portBits = portBytes * 8;
        this.wordBits = lanes * 32;
        this.narrow = portBytes <= lanes * 4;
        this.ratio = narrow ? lanes * 4 / portBytes : portBytes / (lanes * 4);
        this.depth = StoreWords.depth(portBytes, lanes);
        for (int i = 0; i < depth; i++) {
            ring.add(b.reg("sw_word_" + i, Bits.type(wordBits), 0));
        }
        head = b.reg("sw_head", UInt.type(bitsFor(depth - 1)), 0);
        count = b.reg("sw_count", UInt.type(bitsFor(depth)), 0);
        wordsPerRow = b.reg("sw_words_per_row", UInt.type(W), 0);
    }

    UInt count() {
        return count;
    }

    int depth() {
        return depth;
    }

    void start(Bool cond, UInt rowBytes) {
        int wl = log2(wordBits / 8);
        b.when(cond, () -> wordsPerRow.set(rowBytes.resize(W).addWrap(wordBits / 8 - 1).shr(wl).resize(W)));
    }

    /** {@code (a + k) mod depth} for a, k < depth. */
    private UInt wrap(UInt a, UInt k) {
        int w = bitsFor(2L * depth);
        UInt s = a.resize(w).addWrap(k.resize(w));
        return s.ge(depth).select(s.subWrap(depth), s).resize(head.width());
    }

    /** Words beat {@code beat} of a row needs in the FIFO (always called with the same beat register). */
    UInt wordsFor(UInt beat) {
        if (narrow) {
            return u(1, count.width());
        }
        if (beatWords == null) {
            UInt left = wordsPerRow.subWrap(beat.shl(log2(ratio)).resize(W));
            beatWords = b.named("sw_beat_words", min(u(ratio, W), left).resize(count.width()));
        }
        return beatWords;
    }

    /** The data of beat {@code beat} and how many words it pops. */
    record Beat(Bits data, UInt pops) {
    }

    Beat beat(UInt beat, Bool lastOfRow) {
        Vec<Bits> words = new Vec<>(ring);
        if (narrow) {
            Bits word = words.read(head);
            List<Bits> parts = new ArrayList<>();
            for (int j = 0; j < ratio; j++) {
                parts.add(word.slice((j + 1) * portBits - 1, j * portBits));
            }
            int rl = log2(ratio);
            UInt pos = rl == 0 ? u(0, 1) : beat.slice(rl - 1, 0);
            Bits data = ratio == 1 ? word : new Vec<>(parts).read(pos);
            Bool pop = ratio == 1 ? Bool.TRUE : pos.eq(ratio - 1).or(lastOfRow);
            return new Beat(b.named("sw_beat_data", data), pop.asUInt().resize(count.width()));
        }
        UInt n = wordsFor(beat);
        List<Bits> parts = new ArrayList<>();
        for (int j = 0; j < ratio; j++) {
            Bits w = words.read(wrap(head, u(j, head.width())));
            parts.add(n.gt(u(j, n.width())).select(w, Bits.lit(0, wordBits)));
        }
        return new Beat(b.named("sw_beat_data", catLowFirst(parts)), n);
    }

    /** The clock edge: pop {@code pops} words when {@code popping}, push {@code data} when {@code push}. */
    void tick(Bool popping, UInt pops, Bool push, Bits data) {
        UInt popped = popping.select(pops, u(0, count.width()));
        UInt slot = wrap(head, count);
        for (int i = 0; i < depth; i++) {
            Bits r = ring.get(i);
            b.when(push.and(slot.eq(i)), () -> r.set(data));
        }
        head.set(wrap(head, popped));
        count.set(count.addWrap(push.asUInt().resize(count.width())).subWrap(popped));
    }
}
