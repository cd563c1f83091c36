package dev.accelgen.boards.model;

/** A resource count: a device total, an SLR budget or a design's usage. */
public record Resources(long lut, long ff, long dsp, long bram36, long uram) {
    public Resources {
        for (ResourceKind k : ResourceKind.values()) {
            long v = switch (k) {
                case LUT -> lut;
                case FF -> ff;
                case DSP -> dsp;
                case BRAM36 -> bram36;
                case URAM -> uram;
            };
            if (v < 0) {
                throw new IllegalArgumentException(k.key() + " = " + v + " out of range, must be >= 0");
            }
        }
    }

    public long get(ResourceKind kind) {
        return switch (kind) {
            case LUT -> lut;
            case FF -> ff;
            case DSP -> dsp;
            case BRAM36 -> bram36;
            case URAM -> uram;
        };
    }
}
