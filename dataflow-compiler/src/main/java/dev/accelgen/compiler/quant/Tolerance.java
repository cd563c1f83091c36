package dev.accelgen.compiler.quant;

/**
 * The stated accuracy of each scheme: the least cosine similarity of a model's outputs to the float run that
 * counts as a pass. Set from the zoo models' measured figures with margin; float must be exact. N:M sparsity is
 * magnitude pruning of weights that were not trained sparse, hence the loose bounds.
 */
public final class Tolerance {
    /** onnxruntime agreement of the float interpreter: max |ours - ort| / max |ort|. */
    public static final double ORT_MAX_REL = 1e-5;

    private Tolerance() {
    }

    public static double minCosine(Scheme s) {
        if (s instanceof Scheme.Float) {
            return 1.0;
        }
        if (s instanceof Scheme.Ternary) {
            return 0.90;
        }
        if (s instanceof Scheme.MixPe m) {
            return switch (m.wBits()) {
                case 8 -> 0.999;
                case 4 -> 0.99;
                case 3 -> 0.98;
                default -> 0.90;
            };
        }
        Scheme.Int8 i = (Scheme.Int8) s;
        if (!i.sparse()) {
            return 0.999;
        }
        // magnitude pruning without fine-tuning: keeping half the weights costs far less than keeping a quarter
        return i.n() * 2 == i.m() ? 0.84 : 0.60;
    }
}
