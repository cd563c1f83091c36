package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.compiler.quant.TernaryWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the weight products that read one value (q/k/v, gate/up, f/c/g) into one {@link LirOp.Linear}: one MM over
 * the side-by-side columns, each product's output a {@link LirOp.Slice} of it. Weights are quantized per column
 * (MixPE groups, int8 channel scales) and the input's multiplier depends only on the input's range, so the codes and
 * q are those of the separate products; the per-column multipliers M share one dShift, chosen for the largest, so a
 * smaller column's M may keep a bit or two less than alone (of 31). Ternary products fuse only when they share their
 * magnitude beta and factor (one per-row multiplier serves all columns); products of different schemes or input
 * ranges never fuse.
 */
final class LinearFusion {
    private LinearFusion() {
    }

    static void run(LirBuilder b) {
        Map<Integer, List<LinearSpec>> byInput = new LinkedHashMap<>();
        for (LirBuilder.Item it : b.items) {
            if (it instanceof LirBuilder.SpecItem s) {
                byInput.computeIfAbsent(s.spec().in().id(), k -> new ArrayList<>()).add(s.spec());
            }
        }
        for (List<LinearSpec> readers : byInput.values()) {
            for (List<LinearSpec> group : groups(readers)) {
                if (group.size() > 1) {
                    fuse(b, group);
                }
            }
        }
    }

    /** The readers split into fusable groups, in order. */
    private static List<List<LinearSpec>> groups(List<LinearSpec> readers) {
        List<List<LinearSpec>> groups = new ArrayList<>();
        for (LinearSpec s : readers) {
            List<LinearSpec> home = null;
            for (List<LinearSpec> g : groups) {
                if (compatible(g.get(0), s)) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(new ArrayList<>(List.of(s)));
            } else {
                home.add(s);
            }
        }
        return groups;
    }

    private static boolean compatible(LinearSpec a, LinearSpec c) {
        if (!a.scheme().equals(c.scheme()) || a.range() != c.range()) {
            return false;
        }
        if (!(a.scheme() instanceof Scheme.Ternary)) {
            return true;
        }
        double f = a.factor()[0];
        for (LinearSpec s : List.of(a, c)) {
            for (double v : s.factor()) {
                if (v != f) {
                    return false;
                }
            }
        }
        return new TernaryWeights(a.w()).beta() == new TernaryWeights(c.w()).beta()
                && new TernaryWeights(concat(List.of(a, c))).beta() == new TernaryWeights(a.w()).beta();
    }

    private static void fuse(LirBuilder b, List<LinearSpec> group) {
        int n = group.stream().mapToInt(LinearSpec::n).sum();
        StringBuilder name = new StringBuilder();
        double[] factor = new double[n];
        float[] bias = group.stream().anyMatch(s -> s.bias() != null) ? new float[n] : null;
        List<LirOp.Part> parts = new ArrayList<>();
        int off = 0;
        for (LinearSpec s : group) {
            name.append(name.length() == 0 ? "" : "+").append(s.node());
            System.arraycopy(s.factor(), 0, factor, off, s.n());
            if (s.bias() != null) {
                System.arraycopy(s.bias(), 0, bias, off, s.n());
            }
            parts.addAll(s.parts(off));
            off += s.n();
        }
        LinearSpec first = group.get(0);
        Projection p = Projections.of(first.scheme(), concat(group), first.range(), factor, bias);
        Val out = b.fx(name.toString(), n);
        List<LirBuilder.Item> replacement = new ArrayList<>();
        replacement.add(new LirBuilder.OpItem(new LirOp.Linear(first.in(), out, p, parts)));
        off = 0;
        for (LinearSpec s : group) {
            replacement.add(new LirBuilder.OpItem(new LirOp.Slice(out, off, s.out())));
            off += s.n();
        }
        int at = indexOf(b, first);
        for (LinearSpec s : group) {
            b.items.remove(indexOf(b, s));
        }
        b.items.addAll(at, replacement);
        b.note("fused " + name + " into one " + first.scheme().label() + " projection of " + n + " columns (one MM)");
    }

    private static int indexOf(LirBuilder b, LinearSpec s) {
        for (int i = 0; i < b.items.size(); i++) {
            if (b.items.get(i) instanceof LirBuilder.SpecItem si && si.spec() == s) {
                return i;
            }
        }
        throw new IllegalStateException(s.node() + " is not pending");
    }

    /** The specs' weights side by side: [K, sum of N]. */
    private static Tensor concat(List<LinearSpec> specs) {
        int k = specs.get(0).w().shape().dim(0);
        int n = specs.stream().mapToInt(LinearSpec::n).sum();
        float[] w = new float[k * n];
        int off = 0;
        for (LinearSpec s : specs) {
            int sn = s.n();
            float[] src = s.w().floats();
            for (int i = 0; i < k; i++) {
                System.arraycopy(src, i * sn, w, i * n + off, sn);
            }
            off += sn;
        }
        return Tensor.ofFloats(Shape.of(k, n), w);
    }
}
