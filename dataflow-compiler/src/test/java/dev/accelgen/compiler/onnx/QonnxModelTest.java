package dev.accelgen.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.QuantKernels;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.text.GraphText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Brevitas-exported QONNX model (Quant, BipolarQuant; weights partly in an external .data file) against the
 * qonnx package's executor, whose input and output the export script recorded.
 */
class QonnxModelTest {
    private static float[] floats(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    @Test
    void matchesTheQonnxExecutor() throws Exception {
        Path dir = Path.of("src/test/resources/onnx");
        Graph g = ModelLoader.load(dir.resolve("qonnx-mlp.onnx").toString(), Map.of(), BuildOptions.weightless()).graph();
        Map<String, Integer> ops = GraphText.opCounts(g);
        assertEquals(3, ops.get("Quant"));
        assertEquals(1, ops.get("BipolarQuant"));
        Tensor x = Tensor.ofFloats(Shape.of(4, 16), floats(dir.resolve("qonnx-mlp.in.f32")));
        Tensor want = Tensor.ofFloats(Shape.of(4, 8), floats(dir.resolve("qonnx-mlp.out.f32")));
        Tensor got = FloatInterpreter.run(g, Map.of(g.inputs().get(0), x)).get(g.outputs().get(0));
        ErrorStats e = ErrorStats.of(got, want);
        System.out.println("qonnx-mlp " + e);
        assertTrue(e.maxRel() <= 1e-5, e.toString());
    }

    @Test
    void truncDropsLowBitsWithItsRoundingMode() {
        // v1: x/scale = [13, -13, 7]; 8 -> 6 bits divides by 4: floor [3, -4, 1], toward zero [3, -3, 1]; times scale 0.5
        Tensor x = Tensor.ofFloats(Shape.of(3), new float[] {6.5f, -6.5f, 3.5f});
        Tensor s = Tensor.ofFloats(Shape.scalar(), new float[] {0.5f});
        Tensor z = Tensor.ofFloats(Shape.scalar(), new float[] {0f});
        Tensor in = Tensor.ofFloats(Shape.scalar(), new float[] {8f});
        Tensor out = Tensor.ofFloats(Shape.scalar(), new float[] {6f});
        assertArrayEquals(new float[] {1.5f, -2, 0.5f},
                QuantKernels.trunc(new Op.Trunc(Op.RoundingMode.FLOOR, true, false), x, s, z, in, null, out).floats());
        assertArrayEquals(new float[] {1.5f, -1.5f, 0.5f},
                QuantKernels.trunc(new Op.Trunc(Op.RoundingMode.DOWN, true, false), x, s, z, in, null, out).floats());
        // v2 with output scale 2 (shift 4) and 2-bit signed output: [3.25, -3.25, 1.75] clamps to [1, -2, 1.75] -> floor [1, -2, 1]
        Tensor two = Tensor.ofFloats(Shape.scalar(), new float[] {2f});
        Tensor bits2 = Tensor.ofFloats(Shape.scalar(), new float[] {2f});
        assertArrayEquals(new float[] {2, -4, 2},
                QuantKernels.trunc(new Op.Trunc(Op.RoundingMode.FLOOR, true, false), x, s, z, in, two, bits2).floats());
    }
}
