package dev.accelgen.compiler.quant;

/** The group size a MixPE layer uses for a reduction length K (needed from shapes alone, without weights). */
public final class MixPeLayerShape {
    private MixPeLayerShape() {
    }

    public static int group(int k, int requested) {
        return MixPeLayer.groupFor(k, requested);
    }
}
