package dev.accelgen.compiler.passes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.quant.QuantPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Gemm by constant B and C becomes a weight MatMul and an Add, computing what the Gemm computes (by hand here). */
class GemmLiftingTest {
    private static Graph gemm(Op.Gemm op, Tensor b, Tensor c) {
        Map<String, TensorType> types = Map.of("x", TensorType.f32(2, 3), "B", b.type(), "C", c.type(), "y", TensorType.f32(2, 2));
        return new Graph("g", List.of("x"), List.of("y"), List.of(new Node("fc", op, List.of("x", "B", "C"), List.of("y"))),
                Map.of("B", b.type(), "C", c.type()), Map.of("B", b, "C", c), types, Map.of());
    }

    private static float[] run(Graph g) {
        return FloatInterpreter.run(g, Map.of("x", Tensor.ofFloats(Shape.of(2, 3), new float[] {1, 2, 3, -1, 0, 2}))).get("y").floats();
    }

    @Test
    void transposedScaledGemmBecomesAWeightMatMulAndABiasAdd() {
        // B^T = [[1, 0], [2, 1], [0, -1]]: x B^T = [[5, -1], [-1, -2]]; 0.5 x B^T + 2 C with C = [1, -1]
        Graph g = GemmLifting.run(gemm(new Op.Gemm(0.5f, 2f, false, true), Tensor.ofFloats(Shape.of(2, 3), new float[] {1, 2, 0, 0, 1, -1}),
                Tensor.ofFloats(Shape.of(2), new float[] {1, -1})));
        assertEquals(List.of("fc", "fc#bias_add"), g.nodes().stream().map(Node::name).toList());
        assertTrue(QuantPlan.isWeightMatMul(g, g.nodes().get(0)));
        assertEquals("fc#weight", g.nodes().get(0).input(1));
        assertArrayEquals(new int[] {3, 2}, g.weights().get("fc#weight").shape().dims());
        assertArrayEquals(new float[] {4.5f, -2.5f, 1.5f, -3f}, run(g));
    }

    @Test
    void plainGemmKeepsItsWeightNames() {
        // B = [[1, 0], [0, 1], [1, 1]]: x B = [[4, 5], [1, 2]], plus C = [10, 20]
        Graph g = GemmLifting.run(gemm(new Op.Gemm(1f, 1f, false, false), Tensor.ofFloats(Shape.of(3, 2), new float[] {1, 0, 0, 1, 1, 1}),
                Tensor.ofFloats(Shape.of(2), new float[] {10, 20})));
        assertEquals(List.of("x", "B"), g.nodes().get(0).inputs());
        assertEquals(List.of(g.nodes().get(0).output(), "C"), g.nodes().get(1).inputs());
        assertEquals(Map.of("B", TensorType.f32(3, 2), "C", TensorType.f32(2)), g.weights());
        assertArrayEquals(new float[] {14, 25, 11, 22}, run(g));
    }

    @Test
    void transposedActivationStaysAGemm() {
        Graph g = gemm(new Op.Gemm(1f, 1f, true, false), Tensor.ofFloats(Shape.of(2, 2), new float[] {1, 0, 0, 1}),
                Tensor.ofFloats(Shape.of(2), new float[] {0, 0}));
        assertEquals(g, GemmLifting.run(g));
    }
}
