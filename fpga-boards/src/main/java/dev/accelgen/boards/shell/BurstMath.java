package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/** The burst length both engines use: the smallest of beats left, the burst limit and the beats to the next 4 KB boundary. */
final class BurstMath {
    private BurstMath() {
    }

    /**
     * Beats of the next burst starting at beat-aligned {@code addr} with {@code left} beats to go (left > 0).
     * AXI forbids a burst to cross a 4 KB boundary, so a burst ends at the page end at the latest.
     */
    static UInt burstBeats(ModuleBuilder b, String prefix, UInt addr, UInt left, AxiEngineConfig c) {
        int bits = Math.max(c.burstBits(), 11);
        UInt toPage = b.named(prefix + "_to_page",
                UInt.lit(4096 >> c.sizeLog2(), 11).subWrap(addr.slice(11, c.sizeLog2()).zext(11)));
        UInt limit = UInt.lit(c.maxBurst(), bits);
        UInt leftW = left.width() >= bits ? left : left.zext(bits);
        Bool leftSmall = left.width() > bits ? left.slice(left.width() - 1, bits).orR().not() : Bool.TRUE;
        UInt leftCapped = leftSmall.and(leftW.trunc(bits).lt(limit)).select(leftW.trunc(bits), limit);
        UInt page = toPage.zext(bits);
        return b.named(prefix + "_beats", page.lt(leftCapped).select(page, leftCapped).trunc(c.burstBits()));
    }
}
