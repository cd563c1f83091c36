package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.layout.Images;
import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequence's inputs, graph-shaped ({@code [.., T, C]} floats, {@code [.., T]} ids): the rows of one run for the
 * LIR interpreter, and every position's row in the accelerator's input regions (token ids as int32, floats as Fx
 * rounded half up, as the interpreter rounds them).
 */
public final class RunInputs {
    private RunInputs() {
    }

    /** Rows of the graph's inputs (the token or row axis of the first one). */
    public static int rows(Map<String, Tensor> inputs, LirModel lir) {
        LirOp.Input in = lir.inputs().get(0);
        int[] dims = inputs.get(in.name()).shape().dims();
        return in.out().kind() == Val.Kind.TOKEN_IDS ? dims[dims.length - 1] : dims[dims.length - 2];
    }

    /** The inputs with {@code total} rows: row p is the graph input's row p modulo its rows. */
    public static Map<String, Tensor> extend(Map<String, Tensor> inputs, LirModel lir, int total) {
        int have = rows(inputs, lir);
        if (total <= have) {
            return inputs;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (LirOp.Input in : lir.inputs()) {
            Tensor t = inputs.get(in.name());
            int cols = in.out().kind() == Val.Kind.TOKEN_IDS ? 1 : in.out().cols();
            int[] dims = t.shape().dims();
            dims[in.out().kind() == Val.Kind.TOKEN_IDS ? dims.length - 1 : dims.length - 2] = total;
            if (t.isFloating()) {
                float[] f = new float[total * cols];
                for (int p = 0; p < total; p++) {
                    System.arraycopy(t.floats(), (p % have) * cols, f, p * cols, cols);
                }
                out.put(in.name(), Tensor.ofFloats(Shape.of(dims), f));
            } else {
                long[] l = new long[total * cols];
                for (int p = 0; p < total; p++) {
                    System.arraycopy(t.longs(), (p % have) * cols, l, p * cols, cols);
                }
                out.put(in.name(), Tensor.ofLongs(t.dtype(), Shape.of(dims), l));
            }
        }
        return out;
    }

    /** Rows [from, from + rows) of every input, graph-shaped with T = rows. */
    public static Map<String, Tensor> slice(Map<String, Tensor> inputs, LirModel lir, int from, int rows) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (LirOp.Input in : lir.inputs()) {
            Tensor t = inputs.get(in.name());
            int cols = in.out().kind() == Val.Kind.TOKEN_IDS ? 1 : in.out().cols();
            int[] dims = t.shape().dims();
            int[] sliced = dims.clone();
            sliced[in.out().kind() == Val.Kind.TOKEN_IDS ? dims.length - 1 : dims.length - 2] = rows;
            if (t.isFloating()) {
                float[] f = new float[rows * cols];
                System.arraycopy(t.floats(), from * cols, f, 0, f.length);
                out.put(in.name(), Tensor.ofFloats(Shape.of(sliced), f));
            } else {
                long[] l = new long[rows * cols];
                System.arraycopy(t.longs(), from * cols, l, 0, l.length);
                out.put(in.name(), Tensor.ofLongs(t.dtype(), Shape.of(sliced), l));
            }
        }
        return out;
    }

    /** Writes rows 0..total-1 of every input into its region of the images. */
    public static void write(List<byte[]> images, MemoryLayout layout, LirModel lir, Map<String, Tensor> inputs, int total,
                             int context) {
        for (int op = 0; op < lir.ops().size(); op++) {
            if (!(lir.ops().get(op) instanceof LirOp.Input in)) {
                continue;
            }
            Region r = layout.region(RegionNames.input(op));
            Tensor t = inputs.get(in.name());
            boolean ids = in.out().kind() == Val.Kind.TOKEN_IDS;
            int cols = ids ? 1 : in.out().cols();
            if (t.size() < total * cols) {
                throw new ModelError(in.name(), "holds " + t.size() / cols + " rows; the run needs " + total);
            }
            for (int p = 0; p < total; p++) {
                int[] row = new int[cols];
                for (int c = 0; c < cols; c++) {
                    double v = t.get(p * cols + c);
                    row[c] = ids ? (int) v : EltwiseArith.toFx(v);
                }
                Images.putInts(images.get(r.port()), r.rowOffset(p, context), row);
            }
        }
    }
}
