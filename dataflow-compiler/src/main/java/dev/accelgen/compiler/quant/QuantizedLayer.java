package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.QuantParams;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;

/**
 * A weight MatMul {@code x [.., K] * W [K, N]} prepared for one integer unit. {@link #apply} quantizes the
 * activations, runs the unit's integer arithmetic (the pe-library code the unit's golden model uses) and
 * dequantizes the result back to float.
 */
public sealed interface QuantizedLayer permits TernaryLayer, MixPeLayer, Int8Layer {
    Tensor apply(Tensor x);

    /** Activation codes and accumulator values for x [.., K] (apply() dequantizes exactly these). */
    IntegerRun integer(Tensor x);

    /** How the weights are stored. */
    QuantParams weightParams();

    /** How the input activations are quantized. */
    QuantParams activationParams();

    /** Rows of x as double vectors of length K. */
    static double[][] rows(Tensor x, int k) {
        int rows = x.size() / k;
        double[][] r = new double[rows][k];
        float[] v = x.floats();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = v[i * k + j];
            }
        }
        return r;
    }

    /** The output tensor [.., N] for x [.., K]. */
    static Tensor output(Tensor x, int n, float[] data) {
        int[] d = x.shape().dims();
        d[d.length - 1] = n;
        return Tensor.ofFloats(Shape.of(d), data);
    }
}
