package dev.accelgen.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.errors.ModelError;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the importer refuses among the new ops, and old opsets: one line naming the file, the node and what to do. */
class RefusedOnnxTest {
    static final Path ONNX = Path.of("src/test/resources/onnx");

    private static String refusal(Path p) {
        ModelError e = assertThrows(ModelError.class, () -> ModelLoader.load(p.toString(), Map.of(), BuildOptions.weightless()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(p.toString(), e.input());
        return e.getMessage();
    }

    @Test
    void opsetOlderThan13NamesTheVersionConverterCommand() {
        Path p = ONNX.resolve("opset11.onnx");
        assertEquals(p + ": ONNX opset 11 is older than the supported 13; upgrade the file with python3 -c \"import onnx,"
                + " onnx.version_converter as vc; onnx.save(vc.convert_version(onnx.load('" + p + "'), 17), '"
                + ONNX.resolve("opset11-opset17.onnx") + "')\" (needs pip install onnx), or re-export with opset_version >= 13",
                refusal(p));
    }

    @Test
    void einsumThatIsNotAMatrixProduct() {
        Path p = ONNX.resolve("ops/einsum-diagonal.onnx");
        assertEquals(p + ": node diag (Einsum): equation 'ii->i' is not supported: it has 1 operand"
                + " (supported: two-operand batched matrix products such as bij,bjk->bik or ...ij,...jk->...ik)",
                refusal(p));
    }

    /** An opset 17 model of one Einsum on float inputs a and b, built in memory. */
    private static byte[] einsum(String equation, int[] a, int[] b) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setName("e").setOpType("Einsum").addInput("a")
                .addInput("b").addOutput("y").addAttribute(OnnxMl.AttributeProto.newBuilder().setName("equation")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(equation)));
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("einsum").addNode(node)
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y"));
        for (Object[] in : new Object[][] {{"a", a}, {"b", b}}) {
            OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
            for (int d : (int[]) in[1]) {
                shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            }
            g.addInput(OnnxMl.ValueInfoProto.newBuilder().setName((String) in[0]).setType(OnnxMl.TypeProto.newBuilder()
                    .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))));
        }
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(g).build().toByteArray();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ii,ij->j | a letter repeats within one term (diagonals are not a matrix product)",
        "bij,bjk->bk | letter i is summed within one operand",
        "ij,jk->ik->k | it has more than one ->",
        "ij,jk->iq | output letter q is in no operand",
        "i2,jk->ik | term i2 has characters other than letters and one ellipsis",
        "...ij,...jk->ik | the output drops the ellipsis axes (a sum over them)"})
    void einsumRefusals(String equation, String why) {
        int[] a = equation.startsWith("b") ? new int[] {2, 3, 4} : equation.startsWith("...") ? new int[] {5, 3, 4} : new int[] {3, 3};
        int[] b = equation.startsWith("b") ? new int[] {2, 4, 5} : equation.startsWith("...") ? new int[] {5, 4, 2} : new int[] {3, 3};
        ModelError e = assertThrows(ModelError.class, () -> OnnxImporter.parse(einsum(equation, a, b), "m.onnx", null, Map.of()));
        assertEquals("m.onnx: node e (Einsum): equation '" + equation + "' is not supported: " + why + " (supported: two-operand"
                + " batched matrix products such as bij,bjk->bik or ...ij,...jk->...ik)", e.getMessage());
    }

    @Test
    void ifWithADataDependentCondition() {
        Path p = ONNX.resolve("ops/if-dynamic.onnx");
        assertEquals(p + ": node data_if (If): condition positive is not a constant (only an If whose condition folds to a"
                + " constant on import is supported, by inlining the taken branch)", refusal(p));
    }

    @Test
    void attentionQkMatmulOutput() {
        Path p = ONNX.resolve("ops/attention-qk-output.onnx");
        assertEquals(p + ": node attn (Attention): output qk_matmul_output is not supported", refusal(p));
    }

    @Test
    void floatModWithoutFmod() {
        Path p = ONNX.resolve("ops/mod-float-fmod0.onnx");
        assertEquals(p + ": node mod (Mod): fmod=0 is defined for integer inputs only; float inputs need fmod=1", refusal(p));
    }
}
