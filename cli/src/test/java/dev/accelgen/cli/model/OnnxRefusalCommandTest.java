package dev.accelgen.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ONNX file the importer refuses reaches the user as one line on stderr, exit status 2, nothing on stdout. */
class OnnxRefusalCommandTest {
    @Test
    void opset11IsRefusedWithTheUpgradeCommand(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("old.onnx");
        OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("g")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("x").addOutput("y")).build();
        Files.write(p, OnnxMl.ModelProto.newBuilder().setIrVersion(6).setGraph(g)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(11)).build().toByteArray());
        ModelCommandTest.Run r = ModelCommandTest.exec("inspect", p.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("accelgen: error: " + p + ": ONNX opset 11 is older than the supported 13; upgrade the file with python3 -c"
                + " \"import onnx, onnx.version_converter as vc; onnx.save(vc.convert_version(onnx.load('" + p + "'), 17), '"
                + tmp.resolve("old-opset17.onnx") + "')\" (needs pip install onnx), or re-export with opset_version >= 13\n", r.err());
        assertEquals("", r.out());
    }
}
