package dev.accelgen.reports.data;

import java.util.List;

/**
 * Quantized against float ({@code quantization.json}): every weight product's output and every model output;
 * {@code reference} says what the float side is ("float interpreter, checked against onnxruntime 1.29.0").
 */
public record Quantization(String reference, List<QuantLayer> layers, List<QuantLayer> outputs, Provenance provenance) {
    public Quantization {
        Check.text("reference", reference);
        layers = Check.uniqueList("layers", layers, QuantLayer::name);
        outputs = Check.uniqueList("outputs", outputs, QuantLayer::name);
        Check.present("provenance", provenance);
    }

    /** The lowest cosine similarity over the model outputs (1 without outputs). */
    public double worstOutputCosine() {
        return outputs.stream().mapToDouble(QuantLayer::cosine).min().orElse(1);
    }
}
