package dev.accelgen.compiler.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.accelgen.compiler.ir.Float16;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an ONNX model in onnxruntime (in-process, CPU, one thread): the float oracle for the interpreter. float16
 * inputs are fed as float16 and float16 outputs read back as float32.
 */
public final class OrtReference {
    private OrtReference() {
    }

    public static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(model, opts)) {
                Map<String, NodeInfo> declared = session.getInputInfo();
                for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                    feeds.put(e.getKey(), toOrt(env, e.getValue(), declared.get(e.getKey())));
                }
                Map<String, Tensor> out = new LinkedHashMap<>();
                try (OrtSession.Result r = session.run(feeds)) {
                    for (Map.Entry<String, OnnxValue> e : r) {
                        out.put(e.getKey(), fromOrt((OnnxTensor) e.getValue()));
                    }
                }
                return out;
            }
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

    /** A feed in the type the model declares: the graph carries float16 inputs as float32, onnxruntime wants float16. */
    private static OnnxTensor toOrt(OrtEnvironment env, Tensor t, NodeInfo declared) throws OrtException {
        if (declared != null && declared.getInfo() instanceof TensorInfo ti && ti.type == OnnxJavaType.FLOAT16 && t.isFloating()) {
            short[] h = new short[t.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = Float16.fromFloat(t.floats()[i]);
            }
            return OnnxTensor.createTensor(env, ShortBuffer.wrap(h), dims(t.shape()), OnnxJavaType.FLOAT16);
        }
        return switch (t.dtype()) {
            case FLOAT32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), dims(t.shape()));
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), dims(t.shape()));
            default -> throw new IllegalArgumentException("onnxruntime feeds of type " + t.dtype() + " are not supported");
        };
    }

    private static Tensor fromOrt(OnnxTensor t) {
        long[] d = t.getInfo().getShape();
        int[] dims = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            dims[i] = (int) d[i];
        }
        FloatBuffer fb = t.getFloatBuffer();
        if (fb == null) {
            throw new IllegalStateException("onnxruntime output is " + t.getInfo().type + ", expected float");
        }
        float[] f = new float[fb.remaining()];
        fb.get(f);
        return Tensor.ofFloats(Shape.of(dims), f);
    }
}
