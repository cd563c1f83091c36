package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each value's rows live relative to the others, before addresses are chosen. A value is either a root (its
 * own ABUF rows) or lies inside one at a word offset: slices are views of their source; the parts of a concatenation
 * and the f, c, g inputs of an MLGRU are placed side by side in one root when each is a fresh root (their producers
 * write straight into it), otherwise the op copies them. A root lives from the first op that writes it to the last
 * that reads any of its values. Token ids have no rows (the embedding load reads them off chip).
 */
final class Placement {
    private final int lanes;
    private final int[] root;
    private final int[] offset;
    /** Words per row of each root id (values, then synthetic roots). */
    private final List<Integer> stride = new ArrayList<>();
    private final List<Integer> def = new ArrayList<>();
    private final List<Integer> lastUse = new ArrayList<>();
    private final Set<Integer> copied = new HashSet<>();
    private final Set<Integer> tokenIds = new HashSet<>();

    private Placement(LirModel m, int lanes) {
        this.lanes = lanes;
        int n = m.vals().size();
        root = new int[n];
        offset = new int[n];
        for (Val v : m.vals()) {
            root[v.id()] = v.id();
            stride.add(words(v.cols()));
            def.add(Integer.MAX_VALUE);
            lastUse.add(-1);
            if (v.kind() == Val.Kind.TOKEN_IDS) {
                tokenIds.add(v.id());
            }
        }
    }

    static Placement of(LirModel m, int lanes) {
        Placement p = new Placement(m, lanes);
        Set<Integer> views = new HashSet<>();
        for (LirOp op : m.ops()) {
            if (op instanceof LirOp.Slice s) {
                views.add(s.out().id());
            }
        }
        Set<Integer> merged = new HashSet<>();
        for (int i = 0; i < m.ops().size(); i++) {
            LirOp op = m.ops().get(i);
            if (op instanceof LirOp.Mlgru g) {
                List<Val> parts = List.of(g.f(), g.c(), g.g());
                if (!p.alreadyAdjacent(parts) && !p.merge(parts, p.newRoot(3 * p.words(g.f().cols())), false, views, merged)) {
                    p.copied.add(i);
                }
            } else if (op instanceof LirOp.Concat c && !p.merge(c.parts(), c.out().id(), true, views, merged)) {
                p.copied.add(i);
            }
        }
        for (LirOp op : m.ops()) {
            if (op instanceof LirOp.Slice s) {
                p.root[s.out().id()] = p.root[s.a().id()];
                p.offset[s.out().id()] = p.offset[s.a().id()] + s.from() / lanes;
            }
        }
        for (int i = 0; i < m.ops().size(); i++) {
            LirOp op = m.ops().get(i);
            for (Val v : op.outputs()) {
                int r = p.root[v.id()];
                p.def.set(r, Math.min(p.def.get(r), i));
            }
            for (Val v : op.inputs()) {
                int r = p.root[v.id()];
                p.lastUse.set(r, Math.max(p.lastUse.get(r), i));
            }
        }
        for (int r = 0; r < p.def.size(); r++) {
            p.lastUse.set(r, Math.max(p.lastUse.get(r), p.def.get(r)));
        }
        return p;
    }

    int words(int cols) {
        return (cols + lanes - 1) / lanes;
    }

    private int newRoot(int words) {
        stride.add(words);
        def.add(Integer.MAX_VALUE);
        lastUse.add(-1);
        return stride.size() - 1;
    }

    private boolean alreadyAdjacent(List<Val> parts) {
        int r = root[parts.get(0).id()];
        for (int i = 0; i < parts.size(); i++) {
            Val v = parts.get(i);
            if (root[v.id()] != r || offset[v.id()] != offset[parts.get(0).id()] + i * words(v.cols())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Places {@code parts} word after word in root {@code into}; false when one of them cannot move there. With
     * {@code contiguous} (a concatenation) their columns must also follow each other, so every part but the last
     * must fill whole words.
     */
    private boolean merge(List<Val> parts, int into, boolean contiguous, Set<Integer> views, Set<Integer> merged) {
        for (int i = 0; i < parts.size(); i++) {
            Val v = parts.get(i);
            boolean whole = !contiguous || i == parts.size() - 1 || v.cols() % lanes == 0;
            if (views.contains(v.id()) || merged.contains(v.id()) || root[v.id()] != v.id() || v.kind() != Val.Kind.FX || !whole) {
                return false;
            }
        }
        int at = 0;
        for (Val v : parts) {
            root[v.id()] = into;
            offset[v.id()] = at;
            merged.add(v.id());
            at += words(v.cols());
        }
        return true;
    }

    /** The root holding {@code v}'s rows. */
    int root(Val v) {
        return root[v.id()];
    }

    /** The word offset of {@code v}'s first column inside its root's row. */
    int offset(Val v) {
        return offset[v.id()];
    }

    int stride(int root) {
        return stride.get(root);
    }

    int roots() {
        return stride.size();
    }

    int def(int root) {
        return def.get(root);
    }

    int lastUse(int root) {
        return lastUse.get(root);
    }

    /** Whether op {@code i} (a concat or MLGRU) copies its inputs into place. */
    boolean copies(int i) {
        return copied.contains(i);
    }

    /** Whether a root has rows: token ids and roots no op writes have none. */
    boolean stored(int root) {
        return def.get(root) != Integer.MAX_VALUE && !tokenIds.contains(root);
    }
}
