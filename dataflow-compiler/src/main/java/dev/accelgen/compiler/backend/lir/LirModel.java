package dev.accelgen.compiler.backend.lir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model as the accelerator computes it: ops in execution order over Fx values, and the state carried between
 * runs. Built by {@code backend.lower.Lowering}; executed bit-exactly by {@code backend.exec.LirInterpreter}; turned
 * into programs by the code generator.
 *
 * @param name     the graph's name
 * @param sequence how rows map to positions across runs
 * @param vals     every value, {@code vals.get(i).id() == i}
 * @param ops      in execution order; every value is defined by exactly one op before it is read
 * @param states   KV caches and recurrent states, {@code states.get(i).id() == i}
 * @param notes    what the lowering decided that a user should know (fusions, folded scales, table limits)
 */
public record LirModel(String name, Sequence sequence, List<Val> vals, List<LirOp> ops, List<StateBuf> states,
                       List<String> notes) {
    public LirModel {
        vals = List.copyOf(vals);
        ops = List.copyOf(ops);
        states = List.copyOf(states);
        notes = List.copyOf(notes);
        for (int i = 0; i < vals.size(); i++) {
            if (vals.get(i).id() != i) {
                throw new IllegalArgumentException("value " + vals.get(i).name() + " has id " + vals.get(i).id() + " at index " + i);
            }
        }
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).id() != i) {
                throw new IllegalArgumentException("state " + states.get(i).name() + " has id " + states.get(i).id() + " at index " + i);
            }
        }
        Set<Integer> defined = new HashSet<>();
        for (LirOp op : ops) {
            for (Val v : op.inputs()) {
                if (!defined.contains(v.id()) || vals.get(v.id()) != v) {
                    throw new IllegalArgumentException(op.tag() + " reads " + v.name() + " before it is defined");
                }
            }
            for (Val v : op.outputs()) {
                if (v.id() >= vals.size() || vals.get(v.id()) != v || !defined.add(v.id())) {
                    throw new IllegalArgumentException(op.tag() + " defines " + v.name() + " twice or outside the value list");
                }
            }
            checkStates(op, states, sequence);
        }
        if (defined.size() != vals.size()) {
            throw new IllegalArgumentException((vals.size() - defined.size()) + " values are never defined");
        }
    }

    private static void checkStates(LirOp op, List<StateBuf> states, Sequence seq) {
        if (op instanceof LirOp.Attention a) {
            state(states, a.keyCache(), StateBuf.Kind.KEYS, a.k().cols(), seq.positions());
            state(states, a.valueCache(), StateBuf.Kind.VALUES, a.v().cols(), seq.positions());
        } else if (op instanceof LirOp.Mlgru m) {
            state(states, m.state(), StateBuf.Kind.RECURRENT, m.f().cols(), 1);
        }
    }

    private static void state(List<StateBuf> states, int id, StateBuf.Kind kind, int cols, int rows) {
        if (id < 0 || id >= states.size() || states.get(id).kind() != kind || states.get(id).cols() != cols
                || states.get(id).rows() != rows) {
            throw new IllegalArgumentException("state " + id + " must be a " + kind + " buffer of " + rows + " x " + cols);
        }
    }

    /** The input ops, in order. */
    public List<LirOp.Input> inputs() {
        List<LirOp.Input> in = new ArrayList<>();
        for (LirOp op : ops) {
            if (op instanceof LirOp.Input i) {
                in.add(i);
            }
        }
        return in;
    }

    /** The output ops, in order. */
    public List<LirOp.Output> outputs() {
        List<LirOp.Output> out = new ArrayList<>();
        for (LirOp op : ops) {
            if (op instanceof LirOp.Output o) {
                out.add(o);
            }
        }
        return out;
    }
}
