package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Float16;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes TensorProtos: raw little-endian data, the typed repeated fields, or an external data file. float16 and
 * float64 tensors become float32.
 */
final class OnnxTensors {
    private OnnxTensors() {
    }

    /** ONNX DOUBLE: narrowed to float32 on import (exporters emit float64 scalars that are cast to float anyway). */
    static final int ONNX_DOUBLE = 11;
    /** ONNX FLOAT16: widened to float32 on import (exact), so float16 exports run in float32. */
    static final int ONNX_FLOAT16 = 10;

    static DType dtype(int code, String what) {
        DType t = code == ONNX_DOUBLE || code == ONNX_FLOAT16 ? DType.FLOAT32 : DType.fromOnnx(code);
        if (t == null) {
            throw new IllegalArgumentException(what + " has ONNX element type " + code
                    + ", which is not supported (float32, float16 and float64 read as float32, int8, uint8, int32, int64, bool are)");
        }
        return t;
    }

    static Shape shape(java.util.List<Long> dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            long v = dims.get(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + i + " has size " + v + " (sizes are 0.." + Integer.MAX_VALUE + ")");
            }
            d[i] = (int) v;
        }
        return Shape.of(d);
    }

    /** @param baseDir directory external data locations are relative to (null: external data not allowed) */
    static Tensor decode(OnnxMl.TensorProto t, Path baseDir) {
        String what = "tensor " + t.getName();
        DType dt = dtype(t.getDataType(), what);
        Shape s = shape(t.getDimsList());
        int n = TensorBudget.elements(s);
        if (t.getDataType() == ONNX_DOUBLE || t.getDataType() == ONNX_FLOAT16) {
            return asFloat32(t, s, n, baseDir);
        }
        ByteBuffer raw = null;
        if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL) {
            raw = external(t, baseDir, n * bytes(dt));
        } else if (!t.getRawData().isEmpty()) {
            raw = t.getRawData().asReadOnlyByteBuffer();
        }
        if (raw != null) {
            raw = raw.order(ByteOrder.LITTLE_ENDIAN);
            if (raw.remaining() != (long) n * bytes(dt)) {
                throw new IllegalArgumentException(what + " has " + raw.remaining() + " bytes of data, shape " + s
                        + " of " + dt.label() + " needs " + (long) n * bytes(dt));
            }
            if (dt == DType.FLOAT32) {
                float[] f = new float[n];
                raw.asFloatBuffer().get(f);
                return Tensor.ofFloats(s, f);
            }
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                l[i] = switch (dt) {
                    case INT64 -> raw.getLong();
                    case INT32 -> raw.getInt();
                    case INT8 -> raw.get();
                    case UINT8, BOOL -> raw.get() & 0xff;
                    case FLOAT32 -> throw new IllegalStateException();
                };
            }
            return Tensor.ofLongs(dt, s, l);
        }
        if (dt == DType.FLOAT32) {
            requireCount(what, t.getFloatDataCount(), n);
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = t.getFloatData(i);
            }
            return Tensor.ofFloats(s, f);
        }
        requireCount(what, dt == DType.INT64 ? t.getInt64DataCount() : t.getInt32DataCount(), n);
        long[] l = new long[n];
        if (dt == DType.INT64) {
            for (int i = 0; i < n; i++) {
                l[i] = t.getInt64Data(i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                l[i] = t.getInt32Data(i);
            }
        }
        return Tensor.ofLongs(dt, s, l);
    }

    /** A float64 tensor narrowed, or a float16 tensor widened (its bit patterns are in int32_data when not raw). */
    private static Tensor asFloat32(OnnxMl.TensorProto t, Shape s, int n, Path baseDir) {
        boolean half = t.getDataType() == ONNX_FLOAT16;
        int width = half ? 2 : 8;
        String what = "tensor " + t.getName();
        ByteBuffer raw = t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL ? external(t, baseDir, (long) width * n)
                : t.getRawData().isEmpty() ? null : t.getRawData().asReadOnlyByteBuffer();
        requireCount(what, raw != null ? raw.remaining() / width : half ? t.getInt32DataCount() : t.getDoubleDataCount(), n);
        float[] f = new float[n];
        if (raw != null) {
            raw = raw.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                f[i] = half ? Float16.toFloat(raw.getShort() & 0xffff) : (float) raw.getDouble();
            }
        } else if (half) {
            for (int i = 0; i < n; i++) {
                f[i] = Float16.toFloat(t.getInt32Data(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                f[i] = (float) t.getDoubleData(i);
            }
        }
        return Tensor.ofFloats(s, f);
    }

    private static void requireCount(String what, int have, int need) {
        if (have != need) {
            throw new IllegalArgumentException(what + " has " + have + " values, its shape needs " + need);
        }
    }

    private static int bytes(DType t) {
        return switch (t) {
            case FLOAT32, INT32 -> 4;
            case INT64 -> 8;
            case INT8, UINT8, BOOL -> 1;
        };
    }

    private static ByteBuffer external(OnnxMl.TensorProto t, Path baseDir, long length) {
        String location = null;
        long offset = 0;
        long len = length;
        for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = Long.parseLong(e.getValue());
                case "length" -> len = Long.parseLong(e.getValue());
                default -> { }
            }
        }
        if (location == null || baseDir == null) {
            throw new IllegalArgumentException("tensor " + t.getName() + " has external data without a usable location");
        }
        Path p = baseDir.resolve(location).normalize();
        if (!p.startsWith(baseDir.normalize())) {
            throw new IllegalArgumentException("tensor " + t.getName() + " points outside the model directory: " + location);
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("external data file " + location + " of tensor " + t.getName() + " is missing");
        }
        if (len != length || offset < 0) {
            throw new IllegalArgumentException("external data of tensor " + t.getName() + " has offset " + offset + " and length "
                    + len + "; its shape needs " + length + " bytes");
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            if (offset + len > f.length()) {
                throw new IllegalArgumentException("external data file " + location + " is too short for tensor " + t.getName());
            }
            byte[] b = new byte[Math.toIntExact(len)];
            f.seek(offset);
            f.readFully(b);
            return ByteBuffer.wrap(b);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read external data file " + location + ": " + e.getMessage());
        }
    }
}
