package dev.accelgen.compiler.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Float16;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.ModelError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an ONNX model in onnxruntime (in-process, CPU, one thread): the float oracle for the interpreter. Inputs are
 * converted to the element types the model declares (float64 and float16 inputs, which the importer reads as float32,
 * get float64 and float16 feeds); outputs come back as float32 (float64 narrowed, float16 widened) or as integers
 * (int64, int32, int8, uint8, bool).
 */
public final class OrtReference {
    private OrtReference() {
    }

    /** A model held in memory (no external data). */
    public static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs) {
        return run(env -> env.createSession(model, options()), inputs, "");
    }

    /** A model file: onnxruntime reads external data files relative to it. */
    public static Map<String, Tensor> run(Path model, Map<String, Tensor> inputs) {
        return run(env -> env.createSession(model.toString(), options()), inputs, model.toString());
    }

    private interface Opener {
        OrtSession open(OrtEnvironment env) throws OrtException;
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(1);
        opts.setInterOpNumThreads(1);
        return opts;
    }

    /** A model onnxruntime refuses to load (its checker is stricter than the importer) is the model's problem. */
    private static OrtSession open(Opener opener, OrtEnvironment env, String source) {
        try {
            return opener.open(env);
        } catch (OrtException e) {
            throw new ModelError(source, "--compare-ort: onnxruntime cannot load the model: "
                    + e.getMessage().lines().findFirst().orElse("").strip());
        }
    }

    private static Map<String, Tensor> run(Opener opener, Map<String, Tensor> inputs, String source) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try (OrtSession session = open(opener, env, source)) {
            Map<String, NodeInfo> declared = session.getInputInfo();
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feeds.put(e.getKey(), toOrt(env, e.getValue(), ((TensorInfo) declared.get(e.getKey()).getInfo()).type));
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            try (OrtSession.Result r = session.run(feeds)) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    out.put(e.getKey(), fromOrt((OnnxTensor) e.getValue()));
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime failed: " + e.getMessage(), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static long[] dims(Shape s) {
        long[] d = new long[s.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.dim(i);
        }
        return d;
    }

    private static OnnxTensor toOrt(OrtEnvironment env, Tensor t, OnnxJavaType type) throws OrtException {
        int n = t.size();
        int width = switch (type) {
            case FLOAT, INT32 -> 4;
            case DOUBLE, INT64 -> 8;
            case FLOAT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> throw new IllegalArgumentException("onnxruntime feeds of type " + type + " are not supported");
        };
        ByteBuffer b = ByteBuffer.allocateDirect(n * width).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            double v = t.get(i);
            switch (type) {
                case FLOAT -> b.putFloat((float) v);
                case DOUBLE -> b.putDouble(v);
                case INT32 -> b.putInt((int) v);
                case INT64 -> b.putLong((long) v);
                case FLOAT16 -> b.putShort(Float16.fromFloat((float) v));
                default -> b.put((byte) v);
            }
        }
        b.rewind();
        return OnnxTensor.createTensor(env, b, dims(t.shape()), type);
    }

    private static Tensor fromOrt(OnnxTensor t) {
        long[] d = t.getInfo().getShape();
        int[] dims = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            dims[i] = (int) d[i];
        }
        Shape shape = Shape.of(dims);
        ByteBuffer b = t.getByteBuffer().order(ByteOrder.nativeOrder());
        OnnxJavaType type = t.getInfo().type;
        int n = (int) shape.elements();
        if (type == OnnxJavaType.FLOAT || type == OnnxJavaType.DOUBLE || type == OnnxJavaType.FLOAT16) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = switch (type) {
                    case FLOAT -> b.getFloat();
                    case DOUBLE -> (float) b.getDouble();
                    default -> Float16.toFloat(b.getShort() & 0xffff);
                };
            }
            return Tensor.ofFloats(shape, f);
        }
        DType dt = switch (type) {
            case INT64 -> DType.INT64;
            case INT32 -> DType.INT32;
            case INT8 -> DType.INT8;
            case UINT8 -> DType.UINT8;
            case BOOL -> DType.BOOL;
            default -> throw new IllegalStateException("onnxruntime output of type " + type + " is not supported");
        };
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = switch (type) {
                case INT64 -> b.getLong();
                case INT32 -> b.getInt();
                case UINT8, BOOL -> b.get() & 0xff;
                default -> b.get();
            };
        }
        return Tensor.ofLongs(dt, shape, l);
    }
}
