package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.min;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/**
 * The RTL twin of {@link BurstIssuer}, built into the calling module: registers {@code <prefix>_*}, the burst on
 * offer ({@link #valid}, {@link #addr}, {@link #len}), {@link #tick} and {@link #load}. Call {@code tick} before
 * {@code load} (a load wins; the two never coincide).
 */
public final class BurstIssuerRtl {
    public static final int ADDR_BITS = 64;
    public static final int COUNT_BITS = 32;

    private final ModuleBuilder b;
    private final int portLog;
    private final UInt base;
    private final UInt offset;
    private final UInt stride;
    private final UInt rowBeats;
    private final UInt rowBeatsLeft;
    private final UInt rowsLeft;
    private final UInt addr;
    private final UInt inFlight;
    private final UInt beats;
    private final Bool valid;
    private final Bool issued;

    public BurstIssuerRtl(ModuleBuilder b, String prefix, int portBytes, int maxBurst, int maxOutstanding) {
        this.b = b;
        this.portLog = log2(portBytes);
        base = b.reg(prefix + "_base", UInt.type(ADDR_BITS), 0);
        offset = b.reg(prefix + "_offset", UInt.type(COUNT_BITS), 0);
        stride = b.reg(prefix + "_stride", UInt.type(COUNT_BITS), 0);
        rowBeats = b.reg(prefix + "_row_beats", UInt.type(COUNT_BITS), 0);
        rowBeatsLeft = b.reg(prefix + "_row_beats_left", UInt.type(COUNT_BITS), 0);
        rowsLeft = b.reg(prefix + "_rows_left", UInt.type(COUNT_BITS), 0);
        addr = b.reg(prefix + "_addr", UInt.type(ADDR_BITS), 0);
        inFlight = b.reg(prefix + "_in_flight", UInt.type(bitsFor(maxOutstanding)), 0);
        beats = burstBeats(b, prefix, addr, rowBeatsLeft, portBytes, maxBurst);
        valid = b.named(prefix + "_valid", rowsLeft.ne(0).and(inFlight.lt(maxOutstanding)));
        issued = b.named(prefix + "_issued", rowsLeft.eq(0));
    }

    /** {@link Bursts#beats} in RTL: min(left, maxBurst, beats to the 4 KB page end), named {@code <prefix>_beats}. */
    public static UInt burstBeats(ModuleBuilder b, String prefix, UInt addr, UInt left, int portBytes, int maxBurst) {
        int portLog = log2(portBytes);
        int pageWords = Bursts.PAGE >> portLog;
        int beatBits = bitsFor(Math.max(maxBurst, pageWords));
        UInt toPage = b.named(prefix + "_to_page", u(pageWords, beatBits)
                .subWrap(addr.slice(11, portLog).resize(beatBits)));
        return b.named(prefix + "_beats", min(min(left, u(maxBurst, beatBits)), toPage).resize(beatBits));
    }

    public Bool valid() {
        return valid;
    }

    public UInt addr() {
        return addr;
    }

    /** AXI length field: beats - 1. */
    public UInt len() {
        return beats.subWrap(1).resize(8);
    }

    public Bool issued() {
        return issued;
    }

    public UInt inFlight() {
        return inFlight;
    }

    public void tick(Bool fired, Bool retired) {
        b.when(fired, () -> {
            b.when(beats.resize(COUNT_BITS).eq(rowBeatsLeft), () -> {
                UInt next = offset.addWrap(stride);
                rowsLeft.set(rowsLeft.subWrap(1));
                offset.set(next);
                addr.set(base.addWrap(next.resize(ADDR_BITS)));
                rowBeatsLeft.set(rowBeats);
            }).otherwise(() -> {
                addr.set(addr.addWrap(beats.resize(ADDR_BITS).shl(portLog).resize(ADDR_BITS)));
                rowBeatsLeft.set(rowBeatsLeft.subWrap(beats.resize(COUNT_BITS)));
            });
        });
        b.when(fired.and(retired.not()), () -> inFlight.set(inFlight.addWrap(1)))
                .elseWhen(retired.and(fired.not()), () -> inFlight.set(inFlight.subWrap(1)));
    }

    /** Starts a walk when {@code cond}: rows of rowBeats beats from base + offset, offset stepping by stride. */
    public void load(Bool cond, UInt newBase, UInt newOffset, UInt newStride, UInt newRowBeats, UInt newRows) {
        b.when(cond, () -> {
            base.set(newBase);
            offset.set(newOffset);
            stride.set(newStride);
            rowBeats.set(newRowBeats);
            rowBeatsLeft.set(newRowBeats);
            rowsLeft.set(newRows);
            addr.set(newBase.addWrap(newOffset.resize(ADDR_BITS)));
        });
    }
}
