package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Weight tiles in the WBUF layout the matrix engines read (docs/accelerator.md, "Weight tiles in WBUF"): the
 * compiler packs a quantized K x N weight matrix into the words an {@code MM k=K n=N} streams from its
 * {@code wAddr}, one word per beat, the payload in the word's low bits and zeros above.
 *
 * <p>Which weights each unit kind takes: {@link QuantWeights.MixPe} for MixPE (its group must be the unit's),
 * {@link QuantWeights.Ternary} for ternary units, {@link QuantWeights.Ints} for DSP chains (int8; int4 for
 * int4x4) and systolic arrays (their wBits). {@code sparse} selects a sparse DSP chain's compressed layout
 * (the MM's {@code sparse} flag); it must be false for the other kinds.
 */
public final class WeightTiles {
    private WeightTiles() {
    }

    /** WBUF words of a K x N tile on {@code unit}. */
    public static int words(MatrixUnitSpec unit, int k, int n, boolean sparse) {
        check(unit, k, n, sparse);
        if (unit instanceof MatrixUnitSpec.MixPe m) {
            return new MixPeTiles(m.config()).words(k, n);
        }
        if (unit instanceof MatrixUnitSpec.Ternary t) {
            return new TernaryTiles(t.config()).words(k, n);
        }
        if (unit instanceof MatrixUnitSpec.DspChain d) {
            return new DspTiles(d.config()).words(k, n, sparse);
        }
        return new SystolicTiles(((MatrixUnitSpec.Systolic) unit).config()).words(k, n);
    }

    /** Packs {@code w} for {@code unit} into WBUF words of {@code hw}. */
    public static WeightImage pack(MatrixUnitSpec unit, HwConfig hw, QuantWeights w, boolean sparse) {
        check(unit, w.k(), w.n(), sparse);
        int bits = hw.wbufWordBits();
        long[][] words;
        if (unit instanceof MatrixUnitSpec.MixPe m && w instanceof QuantWeights.MixPe q) {
            words = new MixPeTiles(m.config()).pack(q, bits);
        } else if (unit instanceof MatrixUnitSpec.Ternary t && w instanceof QuantWeights.Ternary q) {
            words = new TernaryTiles(t.config()).pack(q, bits);
        } else if (unit instanceof MatrixUnitSpec.DspChain d && w instanceof QuantWeights.Ints q) {
            words = new DspTiles(d.config()).pack(q, sparse, bits);
        } else if (unit instanceof MatrixUnitSpec.Systolic s && w instanceof QuantWeights.Ints q) {
            words = new SystolicTiles(s.config()).pack(q, bits);
        } else {
            throw new IllegalArgumentException(unit.kind() + " units do not take " + w.getClass().getSimpleName() + " weights");
        }
        return new WeightImage(bits, Arrays.asList(words));
    }

    /** The K x N weights a packed tile holds (the inverse of {@link #pack}). */
    public static QuantWeights unpack(MatrixUnitSpec unit, HwConfig hw, WeightImage image, int k, int n, boolean sparse) {
        int expected = words(unit, k, n, sparse);
        if (image.size() != expected || image.wordBits() != hw.wbufWordBits()) {
            throw new IllegalArgumentException("a " + k + " x " + n + " " + unit.kind() + " tile is " + expected + " words of "
                    + hw.wbufWordBits() + " bits, got " + image.size() + " of " + image.wordBits());
        }
        List<long[]> list = image.words();
        long[][] words = list.toArray(new long[0][]);
        if (unit instanceof MatrixUnitSpec.MixPe m) {
            return new MixPeTiles(m.config()).unpack(words, k, n);
        }
        if (unit instanceof MatrixUnitSpec.Ternary t) {
            return new TernaryTiles(t.config()).unpack(words, k, n);
        }
        if (unit instanceof MatrixUnitSpec.DspChain d) {
            return new DspTiles(d.config()).unpack(words, k, n, sparse);
        }
        return new SystolicTiles(((MatrixUnitSpec.Systolic) unit).config()).unpack(words, k, n);
    }

    private static void check(MatrixUnitSpec unit, int k, int n, boolean sparse) {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("a weight tile needs K >= 1 and N >= 1 (got " + k + " x " + n + ")");
        }
        if (sparse && !(unit instanceof MatrixUnitSpec.DspChain d && d.config().sparse())) {
            throw new IllegalArgumentException("sparse tiles exist only for DSP chains with a sparse mode, not for this "
                    + unit.kind() + " unit");
        }
    }
}
