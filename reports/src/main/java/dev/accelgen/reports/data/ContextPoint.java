package dev.accelgen.reports.data;

/**
 * The timing model at one context length: the cycles of prefilling a prompt of {@code context} tokens and of one
 * decode step at position {@code context} (null for a model without decode).
 */
public record ContextPoint(int context, long prefillCycles, Long decodeCycles) {
    public ContextPoint {
        Check.positive("context", context);
        Check.positive("prefill_cycles", prefillCycles);
        if (decodeCycles != null) {
            Check.positive("decode_cycles", decodeCycles);
        }
    }
}
