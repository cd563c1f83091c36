package dev.accelgen.compiler.backend.layout;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.RopeTable;
import dev.accelgen.compiler.backend.lir.Val;
import java.util.Arrays;

/** The names of a model's regions, by op index: the layout planner and the code generator agree through them. */
public final class RegionNames {
    public static final String PROGRAM = "program";

    private RegionNames() {
    }

    /** Projection {@code pi} of op {@code op} (a MoE: 0 router, 1 + 2e expert e's up, 2 + 2e its down), tile {@code t}. */
    public static String weights(int op, int pi, int t) {
        return "weights.op" + op + "." + pi + ".t" + t;
    }

    public static String params(int op, int pi) {
        return "params.op" + op + "." + pi;
    }

    /** A norm's gain and bias, a constant operand's row or position table. */
    public static String constants(int op) {
        return "const.op" + op;
    }

    public static String embedding(int op) {
        return "embedding.op" + op;
    }

    public static String input(int op) {
        return "input.op" + op;
    }

    /** The index of the input op defining {@code v}. */
    public static int inputOp(LirModel m, Val v) {
        for (int i = 0; i < m.ops().size(); i++) {
            if (m.ops().get(i) instanceof LirOp.Input in && in.out() == v) {
                return i;
            }
        }
        throw new IllegalStateException(v.name() + " comes from no input");
    }

    public static String output(int op) {
        return "output.op" + op;
    }

    public static String kvCache(int op) {
        return "kv.op" + op;
    }

    public static String state(int id) {
        return "state" + id;
    }

    /** The rotary table of RoPE op {@code op}: shared with the first RoPE op whose table is the same. */
    public static String rope(LirModel m, int op) {
        RopeTable t = ((LirOp.Rope) m.ops().get(op)).table();
        for (int i = 0; i < op; i++) {
            if (m.ops().get(i) instanceof LirOp.Rope r && same(r.table(), t)) {
                return "rope.op" + i;
            }
        }
        return "rope.op" + op;
    }

    private static boolean same(RopeTable a, RopeTable b) {
        if (a instanceof RopeTable.Generated ga && b instanceof RopeTable.Generated gb) {
            return Arrays.equals(ga.invFreq(), gb.invFreq());
        }
        return a instanceof RopeTable.Explicit ea && b instanceof RopeTable.Explicit eb && Arrays.deepEquals(ea.rows(), eb.rows());
    }
}
