package dev.accelgen.hdl.ir;

/** The hardware type of a value: its kind and its width in bits. Widths are known when a node is built. */
public record HwType(Kind kind, int width) {
    public enum Kind { BOOL, UINT, SINT, BITS }

    public HwType {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (kind == Kind.BOOL && width != 1) {
            throw new IllegalArgumentException("Bool is 1 bit wide, got " + width);
        }
    }

    public boolean signed() {
        return kind == Kind.SINT;
    }

    public HwType withWidth(int w) {
        return new HwType(kind == Kind.BOOL && w != 1 ? Kind.BITS : kind, w);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BOOL -> "Bool";
            case UINT -> "UInt(" + width + ")";
            case SINT -> "SInt(" + width + ")";
            case BITS -> "Bits(" + width + ")";
        };
    }
}
