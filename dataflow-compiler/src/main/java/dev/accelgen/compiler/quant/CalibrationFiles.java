package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.errors.ModelError;
import dev.accelgen.sim.files.InputFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provided calibration samples: one raw little-endian file per graph input (float32 for float inputs, int64 for
 * integer inputs) holding N samples of the input's shape back to back. Every input needs a file and all files
 * must hold the same N.
 */
public final class CalibrationFiles {
    /** Calibration is per-tensor max |x|: a few dozen samples settle it. */
    public static final int MAX_SAMPLES = 64;

    private CalibrationFiles() {
    }

    public static List<Map<String, Tensor>> read(Graph g, Map<String, Path> files) {
        for (String name : files.keySet()) {
            if (!g.inputs().contains(name)) {
                throw new ModelError(name, "--calib names no graph input (inputs: " + String.join(", ", g.inputs()) + ")");
            }
        }
        int count = -1;
        Map<String, ByteBuffer> data = new LinkedHashMap<>();
        for (String in : g.inputs()) {
            Path p = files.get(in);
            if (p == null) {
                throw new ModelError(in, "graph input has no --calib file (give one per input: " + String.join(", ", g.inputs()) + ")");
            }
            TensorType t = g.type(in);
            long sampleBytes = t.shape().elements() * (t.dtype() == DType.FLOAT32 ? 4 : 8);
            byte[] bytes = InputFile.read(p, Math.min(InputFile.heapShare(Long.MAX_VALUE), MAX_SAMPLES * sampleBytes),
                    "at most " + MAX_SAMPLES + " samples, within a third of the Java heap", ModelError::new);
            if (bytes.length == 0 || bytes.length % sampleBytes != 0) {
                throw new ModelError(p.toString(), "holds " + bytes.length + " bytes, not a positive multiple of one "
                        + t + " sample (" + sampleBytes + " bytes)");
            }
            int n = (int) (bytes.length / sampleBytes);
            if (count >= 0 && n != count) {
                throw new ModelError(p.toString(), "holds " + n + " samples, the other calibration files hold " + count);
            }
            count = n;
            data.put(in, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        }
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (String in : g.inputs()) {
                TensorType t = g.type(in);
                int n = TensorBudget.elements(t.shape());
                ByteBuffer b = data.get(in);
                if (t.dtype() == DType.FLOAT32) {
                    float[] f = new float[n];
                    b.asFloatBuffer().get(f);
                    b.position(b.position() + 4 * n);
                    sample.put(in, Tensor.ofFloats(t.shape(), f));
                } else {
                    long[] l = new long[n];
                    b.asLongBuffer().get(l);
                    b.position(b.position() + 8 * n);
                    sample.put(in, Tensor.ofLongs(t.dtype(), t.shape(), l));
                }
            }
            samples.add(sample);
        }
        return samples;
    }
}
