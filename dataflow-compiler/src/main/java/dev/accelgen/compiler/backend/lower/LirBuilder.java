package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Sequence;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects values, ops (weight products still as {@link LinearSpec}s), states and notes while a graph is lowered,
 * and assembles the {@link LirModel} once the steps that rewrite weight products have run.
 */
final class LirBuilder {
    /** An entry of the op list: a finished op or a pending weight product. */
    sealed interface Item permits OpItem, SpecItem {
    }

    record OpItem(LirOp op) implements Item {
    }

    record SpecItem(LinearSpec spec) implements Item {
    }

    final List<Val> vals = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<StateBuf> states = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Val fx(String name, int cols) {
        Val v = new Val(vals.size(), name, cols, Val.Kind.FX);
        vals.add(v);
        return v;
    }

    Val ids(String name) {
        Val v = new Val(vals.size(), name, 1, Val.Kind.TOKEN_IDS);
        vals.add(v);
        return v;
    }

    void add(LirOp op) {
        items.add(new OpItem(op));
    }

    void add(LinearSpec spec) {
        items.add(new SpecItem(spec));
    }

    /** A state buffer; its rows are decided by the sequence at {@link #build} (caches) or are 1 (recurrent). */
    int state(String name, StateBuf.Kind kind, int cols) {
        states.add(new StateBuf(states.size(), name, kind, 1, cols));
        return states.size() - 1;
    }

    void note(String n) {
        if (!notes.contains(n)) {
            notes.add(n);
        }
    }

    /** Reads of each value over the current items. */
    int[] readCounts() {
        int[] reads = new int[vals.size()];
        for (Item it : items) {
            List<Val> in = it instanceof OpItem o ? o.op().inputs() : List.of(((SpecItem) it).spec().in());
            for (Val v : in) {
                reads[v.id()]++;
            }
        }
        return reads;
    }

    /** The model: pending products quantized, values numbered in definition order (values no op defines any more dropped). */
    LirModel build(String name, Sequence seq) {
        List<LirOp> ops = new ArrayList<>();
        for (Item it : items) {
            ops.add(it instanceof OpItem o ? o.op() : ((SpecItem) it).spec().op());
        }
        Val[] renamed = new Val[vals.size()];
        List<Val> kept = new ArrayList<>();
        for (LirOp op : ops) {
            for (Val v : op.outputs()) {
                renamed[v.id()] = new Val(kept.size(), v.name(), v.cols(), v.kind());
                kept.add(renamed[v.id()]);
            }
        }
        List<LirOp> remapped = new ArrayList<>();
        for (LirOp op : ops) {
            remapped.add(op.withVals(v -> renamed[v.id()]));
        }
        List<StateBuf> sized = new ArrayList<>();
        for (StateBuf s : states) {
            sized.add(s.kind() == StateBuf.Kind.RECURRENT ? s : new StateBuf(s.id(), s.name(), s.kind(), seq.positions(), s.cols()));
        }
        return new LirModel(name, seq, kept, remapped, sized, notes);
    }
}
