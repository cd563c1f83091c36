package dev.accelgen.pe.vector;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/**
 * A row's word count ceil(len / V) and the lanes of its last word (V when len is a multiple of V), in registers
 * an engine latches when it takes an instruction; {@link #laneValid} says whether a lane of a word lies within the
 * row.
 */
public record RowWords(UInt words, UInt tail, int lanes) {
    /** Registers {@code <prefix>_words} ({@code wordBits} wide) and {@code <prefix>_tail}, loaded from len on go. */
    public static RowWords latch(ModuleBuilder b, String prefix, Bool go, UInt len, int wordBits, int lanes) {
        int lb = Integer.numberOfTrailingZeros(lanes);
        UInt words = b.reg(prefix + "_words", UInt.type(wordBits), 0);
        UInt tail = b.reg(prefix + "_tail", UInt.type(lb + 1), 0);
        b.when(go, () -> {
            words.set(len.add(UInt.lit(lanes - 1, lb)).shr(lb).resize(wordBits));
            UInt low = len.slice(lb - 1, 0);
            tail.set(low.eq(0).select(UInt.lit(lanes, lb + 1), low.resize(lb + 1)));
        });
        return new RowWords(words, tail, lanes);
    }

    /** Lane i of word w lies within the row. */
    public Bool laneValid(UInt w, int i) {
        int lb = Integer.numberOfTrailingZeros(lanes);
        return w.ne(words.subWrap(1)).or(UInt.lit(i, lb + 1).lt(tail));
    }
}
