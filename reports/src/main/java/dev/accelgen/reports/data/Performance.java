package dev.accelgen.reports.data;

import java.util.List;

/**
 * Whole-run figures of the golden timing model ({@code performance.json}): prefill of {@code promptLen} tokens, one
 * decode step at position {@code context} and the bytes it moves off chip (decode fields null for a model
 * without decode; the bytes null when the model that timed it does not count them), and a sweep over context lengths in increasing order.
 */
public record Performance(int promptLen, int context, long prefillCycles, Long decodeCycles, Long decodeOffchipBytes,
        List<ContextPoint> sweep, Provenance provenance) {
    public Performance {
        Check.positive("prompt_len", promptLen);
        Check.positive("context", context);
        Check.positive("prefill_cycles", prefillCycles);
        if (decodeCycles == null && decodeOffchipBytes != null) {
            throw new IllegalArgumentException("decode_offchip_bytes without decode_cycles");
        }
        if (decodeCycles != null) {
            Check.positive("decode_cycles", decodeCycles);
        }
        if (decodeOffchipBytes != null) {
            Check.nonNegative("decode_offchip_bytes", decodeOffchipBytes);
        }
        Check.present("sweep", sweep);
        for (int i = 1; i < sweep.size(); i++) {
            if (sweep.get(i).context() <= sweep.get(i - 1).context()) {
                throw new IllegalArgumentException("sweep contexts must increase (" + sweep.get(i - 1).context()
                        + " then " + sweep.get(i).context() + ")");
            }
        }
        sweep = List.copyOf(sweep);
        Check.present("provenance", provenance);
    }

    public boolean hasDecode() {
        return decodeCycles != null;
    }
}
