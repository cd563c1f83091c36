package dev.accelgen.compiler.ir;

import dev.accelgen.errors.ModelError;
import java.util.Locale;

/**
 * The check before a tensor's values are allocated: at most {@value #MAX_ELEMENTS} elements (the largest Java
 * array) and at most half the Java heap at 4 bytes an element. A model (or a {@code --dim} bound) that needs more
 * is a one-line {@link ModelError} naming the shape, instead of an OutOfMemoryError or a wrapped-around size.
 */
public final class TensorBudget {
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private TensorBudget() {
    }

    /** The element count of {@code s} as an int, or a ModelError when a tensor of that shape cannot be held. */
    public static int elements(Shape s) {
        long n = 1;
        for (int d : s.dims()) {
            n = d == 0 ? 0 : n > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : n * d;
        }
        if (n > MAX_ELEMENTS) {
            throw new ModelError("", "a tensor of shape " + s + " has more than the " + String.format(Locale.ROOT, "%,d", MAX_ELEMENTS)
                    + " elements one tensor can hold");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (4 * n > heap / 2) {
            throw new ModelError("", String.format(Locale.ROOT, "a tensor of shape %s needs %,d MB, more than half the %,d MB Java heap"
                    + " (raise it with ACCELGEN_JAVA_OPTS=-Xmx%dg)", s, 4 * n >> 20, heap >> 20, Math.max(2, (8 * n >> 30) + 1)));
        }
        return (int) n;
    }
}
