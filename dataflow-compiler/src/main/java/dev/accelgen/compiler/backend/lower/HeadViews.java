package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import java.util.Arrays;

/**
 * Reshapes, transposes, unsqueezes, tiles and expands that only split and merge attention heads: they change a
 * value's {@link Form}, never its data. The grouped-query pattern {@code reshape(tile(unsqueeze(kv)))} (or expand for
 * tile, Hugging Face's repeat_kv; or a reshape for the unsqueeze) becomes a repeat count that attention reads as KV-head
 * grouping.
 */
final class HeadViews {
    private HeadViews() {
    }

    static Form apply(GraphLowerer l, Node n, Form in, int t) {
        int[] out = l.shape(n.output()).dims();
        Form f = switch (n.op().tag()) {
            case RESHAPE -> reshape(in, out, t);
            case TRANSPOSE -> transpose(in, ((Op.Transpose) n.op()).perm());
            case UNSQUEEZE -> in instanceof Form.Heads h && h.headMajor() && h.repeat() == 1
                    && Arrays.equals(out, new int[] {1, h.heads(), 1, t, h.dim()}) ? new Form.KvGroup(h.val(), h.heads(), h.dim(), 1) : null;
            case TILE, EXPAND -> in instanceof Form.KvGroup k && k.repeat() == 1 && out.length == 5
                    && Arrays.equals(out, new int[] {1, k.heads(), out[2], t, k.dim()}) ? new Form.KvGroup(k.val(), k.heads(), k.dim(), out[2]) : null;
            default -> null;
        };
        if (f == null) {
            throw l.unsupported(n, "it moves data beyond splitting and merging attention heads (" + l.shape(n.input(0)) + " to "
                    + l.shape(n.output()) + ")");
        }
        return f;
    }

    private static Form reshape(Form in, int[] out, int t) {
        int r = out.length;
        if (in instanceof Form.Rows rows) {
            int c = rows.val().cols();
            if (r == 4 && out[0] == 1 && out[1] == t && out[2] * out[3] == c) {
                return new Form.Heads(rows.val(), out[2], out[3], false, 1);
            }
            return isRows(out, t, c) ? in : null;
        }
        if (in instanceof Form.Heads h && h.repeat() == 1) {
            if (!h.headMajor() && isRows(out, t, h.heads() * h.dim())) {
                return new Form.Rows(h.val());
            }
            if (h.headMajor() && Arrays.equals(out, new int[] {1, h.heads(), 1, t, h.dim()})) {
                return new Form.KvGroup(h.val(), h.heads(), h.dim(), 1);
            }
            return null;
        }
        if (in instanceof Form.KvGroup k && Arrays.equals(out, new int[] {1, k.heads() * k.repeat(), t, k.dim()})) {
            return new Form.Heads(k.val(), k.heads(), k.dim(), true, k.repeat());
        }
        return null;
    }

    /** [1.., T, c]. */
    private static boolean isRows(int[] d, int t, int c) {
        int r = d.length;
        if (r < 2 || d[r - 1] != c || d[r - 2] != t) {
            return false;
        }
        for (int i = 0; i < r - 2; i++) {
            if (d[i] != 1) {
                return false;
            }
        }
        return true;
    }

    private static Form transpose(Form in, int[] perm) {
        if (in instanceof Form.Heads h && h.repeat() == 1 && Arrays.equals(perm, new int[] {0, 2, 1, 3})) {
            return new Form.Heads(h.val(), h.heads(), h.dim(), !h.headMajor(), 1);
        }
        return null;
    }
}
