package dev.accelgen.reports.data;

/**
 * Quantization error of one tensor against the float model: a weight product's output ({@code weight} and
 * {@code scheme} given) or a model output (both ""). {@code maxRel} is {@code max|q-f| / max|f|}.
 */
public record QuantLayer(String name, String weight, String scheme, double maxAbs, double maxRel, double cosine) {
    public QuantLayer {
        Check.text("name", name);
        Check.present("weight", weight);
        Check.present("scheme", scheme);
        Check.nonNegative("max_abs", maxAbs);
        Check.nonNegative("max_rel", maxRel);
        Check.inRange("cosine", cosine, -1, 1);
    }
}
