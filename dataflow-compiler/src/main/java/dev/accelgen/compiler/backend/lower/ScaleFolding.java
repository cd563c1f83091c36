package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.quant.Scheme;
import java.util.List;
import java.util.Map;

/**
 * Folds attention's score scale into the projection that computes q: the {@link LirOp.Affine} that scales q is
 * removed and the projection's q columns get the factor in their dequantization multipliers (ternary: in beta, when
 * the projection computes q alone). The path from the projection to the attention may pass through column slices
 * and the rotary embedding (linear, so it commutes with the scale); every value on it must have no other reader,
 * and other slices of the projection must not overlap q's columns. Otherwise the Affine stays (one VAFFINE).
 */
final class ScaleFolding {
    private ScaleFolding() {
    }

    static void run(LirBuilder b, Map<Integer, Double> scales) {
        for (Map.Entry<Integer, Double> e : scales.entrySet()) {
            fold(b, e.getKey(), e.getValue());
        }
    }

    private static void fold(LirBuilder b, int scaledId, double scale) {
        int[] reads = b.readCounts();
        int affineAt = definer(b, scaledId);
        LirOp.Affine affine = (LirOp.Affine) ((LirBuilder.OpItem) b.items.get(affineAt)).op();
        if (reads[scaledId] != 1 || !foldInto(b, affine.a(), scale, reads)) {
            return;
        }
        b.items.remove(affineAt);
        String attention = "";
        for (int i = 0; i < b.items.size(); i++) {
            if (b.items.get(i) instanceof LirBuilder.OpItem o && o.op() instanceof LirOp.Attention a && a.q().id() == scaledId) {
                b.items.set(i, new LirBuilder.OpItem(a.with(affine.a(), a.v(), a.out())));
                attention = a.out().name();
            }
        }
        b.note(String.format(java.util.Locale.ROOT, "attention scale %.6g of %s folded into the projection computing its queries", scale,
                attention));
    }

    /**
     * Walks from a value back through rotary embeddings and slices to its projection and scales the value's columns
     * there; false (nothing changed) when the path has another reader or no projection.
     */
    static boolean foldInto(LirBuilder b, Val q, double scale, int[] reads) {
        Val cur = q;
        int from = 0;
        while (true) {
            LirBuilder.Item it = b.items.get(definer(b, cur.id()));
            if (it instanceof LirBuilder.SpecItem si) {
                return scaleColumns(b, si, from, from + q.cols(), scale);
            }
            if (reads[cur.id()] != 1) {
                return false;
            }
            LirOp op = ((LirBuilder.OpItem) it).op();
            if (op instanceof LirOp.Rope r) {
                cur = r.a();
            } else if (op instanceof LirOp.Slice s) {
                from += s.from();
                cur = s.a();
            } else {
                return false;
            }
        }
    }

    /**
     * Scales columns [from, to) of the spec, unless a reader other than the path to q sees them: all of the output is
     * q's when nothing else reads it; part of it when every reader is a slice and only q's slice covers those columns.
     */
    private static boolean scaleColumns(LirBuilder b, LirBuilder.SpecItem si, int from, int to, double scale) {
        LinearSpec s = si.spec();
        boolean whole = from == 0 && to == s.n();
        if (s.scheme() instanceof Scheme.Ternary && !whole) {
            return false;
        }
        int readers = 0;
        int covering = 0;
        for (LirBuilder.Item it : b.items) {
            List<Val> in = it instanceof LirBuilder.OpItem o ? o.op().inputs() : List.of(((LirBuilder.SpecItem) it).spec().in());
            if (!in.contains(s.out())) {
                continue;
            }
            readers++;
            if (it instanceof LirBuilder.OpItem o && o.op() instanceof LirOp.Slice sl) {
                covering += sl.from() < to && sl.from() + sl.out().cols() > from ? 1 : 0;
            } else if (!whole) {
                return false;
            }
        }
        if (whole ? readers != 1 : covering != 1) {
            return false;
        }
        b.items.set(b.items.indexOf(si), new LirBuilder.SpecItem(s.scaled(from, to, scale)));
        return true;
    }

    static int definer(LirBuilder b, int valId) {
        for (int i = 0; i < b.items.size(); i++) {
            List<Val> outs = b.items.get(i) instanceof LirBuilder.OpItem o ? o.op().outputs() : List.of(((LirBuilder.SpecItem) b.items.get(i)).spec().out());
            for (Val v : outs) {
                if (v.id() == valId) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("value " + valId + " is never defined");
    }
}
