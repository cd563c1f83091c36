package dev.accelgen.compiler.ir;

/** Element types the graph carries. Integer and boolean tensors exist for indices, shapes and masks. */
public enum DType {
    FLOAT32(1, true),
    UINT8(2, false),
    INT8(3, false),
    INT32(6, false),
    INT64(7, false),
    BOOL(9, false);

    private final int onnxCode;
    private final boolean floating;

    DType(int onnxCode, boolean floating) {
        this.onnxCode = onnxCode;
        this.floating = floating;
    }

    /** The TensorProto.DataType number. */
    public int onnxCode() {
        return onnxCode;
    }

    public boolean isFloating() {
        return floating;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type for an ONNX data-type number, or null when the graph IR does not carry it. */
    public static DType fromOnnx(int code) {
        for (DType t : values()) {
            if (t.onnxCode == code) {
                return t;
            }
        }
        return null;
    }
}
