package dev.accelgen.pe.accel.ctrl;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.catLowFirst;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The program fetch in RTL (cycle model: {@link ProgramFetch}), built into the controller: the header's first 24
 * bytes captured from its beats, the header check, and the packing of instruction beats into IMEM words.
 */
final class FetchRtl {
    static final int HEADER_CHECKED_BYTES = 24;
    static final int PC_BITS = 17;

    private final ModuleBuilder b;
    private final int portBytes;
    private final int imemWords;
    private final Bits header;
    private final UInt headerBeats;
    private final UInt written;
    final UInt count;
    private final Bits asm;
    private final UInt pos;
    private final Bits half;
    final Bool pendingHalf;

    FetchRtl(ModuleBuilder b, int portBytes, int imemWords) {
        this.b = b;
        this.portBytes = portBytes;
        this.imemWords = imemWords;
        header = b.reg("hdr_q", Bits.type(HEADER_CHECKED_BYTES * 8), 0);
        headerBeats = b.reg("hdr_beats_q", UInt.type(bitsFor(ProgramBinary.HEADER_BYTES / portBytes)), 0);
        written = b.reg("imem_written_q", UInt.type(PC_BITS), 0);
        count = b.reg("prog_count_q", UInt.type(PC_BITS), 0);
        int per = InstrLayout.BYTES / Math.min(portBytes, InstrLayout.BYTES);
        asm = per > 1 ? b.reg("fetch_asm_q", Bits.type(InstrLayout.BITS), 0) : null;
        pos = per > 1 ? b.reg("fetch_pos_q", UInt.type(bitsFor(per - 1)), 0) : null;
        boolean wide = portBytes > InstrLayout.BYTES;
        half = wide ? b.reg("fetch_half_q", Bits.type(InstrLayout.BITS), 0) : null;
        pendingHalf = wide ? b.reg("fetch_pending_half_q", Bool.type(), 0) : Bool.FALSE;
    }

    int headerBeatCount() {
        return ProgramBinary.HEADER_BYTES / portBytes;
    }

    void startHeader(Bool cond) {
        b.when(cond, () -> headerBeats.set(0));
    }

    /** A header beat arrived ({@code fire}); returns "it was the last". */
    Bool headerBeat(Bool fire, Bits data) {
        int beatsWithChecked = (HEADER_CHECKED_BYTES + portBytes - 1) / portBytes;
        for (int k = 0; k < beatsWithChecked; k++) {
            int lo = k * portBytes;
            int hi = Math.min(HEADER_CHECKED_BYTES, lo + portBytes);
            Bits part = data.slice((hi - lo) * 8 - 1, 0);
            b.when(fire.and(headerBeats.eq(k)), () -> header.slice(hi * 8 - 1, lo * 8).set(part));
        }
        b.when(fire, () -> headerBeats.set(headerBeats.addWrap(1)));
        return b.named("hdr_last_beat", fire.and(headerBeats.eq(headerBeatCount() - 1)));
    }

    private UInt word32(int byteOffset) {
        return header.slice(byteOffset * 8 + 31, byteOffset * 8).asUInt();
    }

    /** The declared instruction count (17 bits) and whether the header is well formed and the program fits. */
    Bool headerOk() {
        long magic = 0;
        byte[] m = "AGPROGRM".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 8; i++) {
            magic |= (m[i] & 0xFFL) << (8 * i);
        }
        UInt n = declared();
        return b.named("hdr_ok", header.slice(63, 0).asUInt().eq(UInt.lit(magic, 64)).and(word32(8).eq(ProgramBinary.VERSION))
                .and(word32(16).eq(InstrLayout.BYTES)).and(word32(20).eq(ProgramBinary.HEADER_BYTES))
                .and(n.ne(0)).and(n.le(UInt.lit(imemWords, 32))));
    }

    UInt declared() {
        return word32(ProgramBinary.COUNT_OFFSET);
    }

    /** Beats of the instruction section: ceil(N * 32 / portBytes), 32 bits. */
    UInt instructionBeats() {
        UInt bytes = declared().resize(PC_BITS).resize(32).shl(5).resize(32);
        return bytes.addWrap(portBytes - 1).shr(log2(portBytes)).resize(32);
    }

    void startInstructions(Bool cond) {
        b.when(cond, () -> {
            count.set(declared().resize(PC_BITS));
            written.set(0);
            if (pos != null) {
                pos.set(0);
            }
            if (half != null) {
                pendingHalf.set(Bool.FALSE);
            }
        });
    }

    Bool rReady() {
        return pendingHalf.not();
    }

    /** The IMEM write of this FETCH cycle. */
    record Store(Bool en, UInt addr, Bits data, Bool last) {
    }

    /** The IMEM write a FETCH cycle makes from beat {@code data} ({@code fire}); updates the packing state. */
    Store store(Bool active, Bool fire, Bits data) {
        int bits = portBytes * 8;
        Bool en;
        Bits word;
        if (portBytes < InstrLayout.BYTES) {
            int per = InstrLayout.BYTES / portBytes;
            List<Bits> parts = new ArrayList<>();
            for (int j = 0; j < per; j++) {
                Bits old = asm.slice((j + 1) * bits - 1, j * bits);
                parts.add(pos.eq(j).select(data, old));
            }
            word = b.named("fetch_word", catLowFirst(parts));
            en = active.and(fire).and(pos.eq(per - 1));
            b.when(active.and(fire), () -> {
                asm.set(word);
                pos.set(pos.eq(per - 1).select(u(0, pos.width()), pos.addWrap(1)));
            });
        } else if (portBytes == InstrLayout.BYTES) {
            word = data;
            en = active.and(fire);
        } else {
            Bits low = data.slice(InstrLayout.BITS - 1, 0);
            Bits high = data.slice(2 * InstrLayout.BITS - 1, InstrLayout.BITS);
            word = b.named("fetch_word", pendingHalf.select(half, low));
            en = active.and(fire.or(pendingHalf));
            b.when(active, () -> {
                pendingHalf.set(fire.and(written.addWrap(1).lt(count)));
                b.when(fire, () -> half.set(high));
            });
        }
        Bool store = b.named("imem_store", en);
        Bool last = b.named("imem_store_last", store.and(written.eq(count.subWrap(1))));
        UInt addr = written;
        b.when(store, () -> written.set(written.addWrap(1)));
        return new Store(store, addr, word, last);
    }
}
