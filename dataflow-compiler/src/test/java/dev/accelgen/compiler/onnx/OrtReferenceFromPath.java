package dev.accelgen.compiler.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** onnxruntime on a model file path (needed for external data, which it resolves next to the file). */
final class OrtReferenceFromPath {
    private OrtReferenceFromPath() {
    }

    static Map<String, Tensor> run(Path model, Map<String, Tensor> inputs) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                long[] d = new long[e.getValue().shape().rank()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = e.getValue().shape().dim(i);
                }
                feeds.put(e.getKey(), e.getValue().isFloating()
                        ? OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().floats()), d)
                        : OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(e.getValue().longs()), d));
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            try (OrtSession.Result r = s.run(feeds)) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    long[] d = t.getInfo().getShape();
                    int[] dims = new int[d.length];
                    for (int i = 0; i < d.length; i++) {
                        dims[i] = (int) d[i];
                    }
                    FloatBuffer fb = t.getFloatBuffer();
                    float[] f = new float[fb.remaining()];
                    fb.get(f);
                    out.put(e.getKey(), Tensor.ofFloats(Shape.of(dims), f));
                }
            } finally {
                feeds.values().forEach(OnnxTensor::close);
            }
            return out;
        }
    }
}
