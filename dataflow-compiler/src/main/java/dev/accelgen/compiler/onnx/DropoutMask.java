package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.List;

/**
 * Dropout at inference is the identity; its optional second output, the mask, is then all true. A Dropout whose
 * mask is used becomes the identity plus {@code ConstantOfShape(Shape(x), true)}, which constant folding turns into
 * a constant.
 */
final class DropoutMask {
    private DropoutMask() {
    }

    static List<Node> nodes(String name, String x, String y, String mask) {
        String shape = name + "/mask_shape:0";
        Tensor trueValue = Tensor.ofLongs(DType.BOOL, Shape.of(1), new long[] {1});
        return List.of(
                new Node(name, new Op.Unary(Op.UnaryKind.IDENTITY), List.of(x), List.of(y)),
                new Node(name + "/mask_shape", new Op.ShapeOf(0, Op.ShapeOf.TO_END), List.of(x), List.of(shape)),
                new Node(name + "/mask", new Op.ConstantOfShape(trueValue), List.of(shape), List.of(mask)));
    }
}
