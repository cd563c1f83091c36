package dev.accelgen.compiler.ir;

import java.util.Objects;

/** Element type and static shape of a graph value. */
public record TensorType(DType dtype, Shape shape) {
    public TensorType {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
    }

    public static TensorType f32(int... dims) {
        return new TensorType(DType.FLOAT32, Shape.of(dims));
    }

    @Override
    public String toString() {
        return dtype.label() + shape;
    }
}
