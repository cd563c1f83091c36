package dev.accelgen.compiler.ir;

import java.util.Arrays;

/**
 * A dense row-major tensor. Floating tensors keep float32 values (as onnxruntime does); integer and boolean
 * tensors keep longs (booleans as 0/1). Exactly one of the two arrays is non-null.
 */
public final class Tensor {
    private final TensorType type;
    private final float[] floats;
    private final long[] longs;

    private Tensor(TensorType type, float[] floats, long[] longs) {
        long n = type.shape().elements();
        int len = floats != null ? floats.length : longs.length;
        if (n != len) {
            throw new IllegalArgumentException("tensor of shape " + type.shape() + " needs " + n + " values, got " + len);
        }
        this.type = type;
        this.floats = floats;
        this.longs = longs;
    }

    public static Tensor ofFloats(Shape shape, float[] data) {
        return new Tensor(new TensorType(DType.FLOAT32, shape), data, null);
    }

    public static Tensor ofLongs(DType dtype, Shape shape, long[] data) {
        if (dtype.isFloating()) {
            throw new IllegalArgumentException("ofLongs needs an integer or boolean type, got " + dtype);
        }
        return new Tensor(new TensorType(dtype, shape), null, data);
    }

    public static Tensor scalarLong(long v) {
        return ofLongs(DType.INT64, Shape.scalar(), new long[] {v});
    }

    public TensorType type() {
        return type;
    }

    public Shape shape() {
        return type.shape();
    }

    public DType dtype() {
        return type.dtype();
    }

    public boolean isFloating() {
        return floats != null;
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** The float values (shared array: callers must not modify it). */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("tensor is " + type + ", not float");
        }
        return floats;
    }

    /** The integer values (shared array: callers must not modify it). */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("tensor is " + type + ", not integer");
        }
        return longs;
    }

    /** Element i as a double whatever the type. */
    public double get(int i) {
        return floats != null ? floats[i] : longs[i];
    }

    /** The same data under another shape with the same element count. */
    public Tensor reshape(Shape s) {
        return floats != null ? ofFloats(s, floats) : ofLongs(dtype(), s, longs);
    }

    @Override
    public String toString() {
        String vals = floats != null ? Arrays.toString(Arrays.copyOf(floats, Math.min(8, floats.length)))
                : Arrays.toString(Arrays.copyOf(longs, Math.min(8, longs.length)));
        return type + " " + vals + (size() > 8 ? "..." : "");
    }
}
