package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import java.util.Arrays;
import java.util.List;

/** ONNX Conv with its attributes resolved against the operand shapes: auto_pad becomes explicit pads. */
final class ConvImport {
    private ConvImport() {
    }

    static List<Node> translate(OnnxNode n) {
        Shape x = n.inputShape(0);
        Shape w = n.inputShape(1);
        int spatial = x.rank() - 2;
        if (spatial < 1 || spatial > 2) {
            throw n.error("input " + x + " has " + Math.max(spatial, 0) + " spatial axes; 1-D and 2-D convolutions are supported");
        }
        if (w.rank() != x.rank()) {
            throw n.error("weight " + w + " and input " + x + " differ in rank");
        }
        int[] kernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        int[] declared = n.ints("kernel_shape");
        if (declared != null && !Arrays.equals(declared, kernel)) {
            throw n.error("kernel_shape " + Arrays.toString(declared) + " disagrees with weight " + w);
        }
        int[] strides = perAxis(n, "strides", spatial);
        int[] dilations = perAxis(n, "dilations", spatial);
        String autoPad = n.s("auto_pad", "NOTSET");
        int[] pads = switch (autoPad) {
            case "NOTSET" -> n.ints("pads") == null ? new int[2 * spatial] : n.ints("pads");
            case "VALID" -> new int[2 * spatial];
            case "SAME_UPPER", "SAME_LOWER" -> samePads(x, kernel, strides, dilations, autoPad.equals("SAME_UPPER"));
            default -> throw n.error("auto_pad " + autoPad + " is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        };
        if (pads.length != 2 * spatial) {
            throw n.error("pads " + Arrays.toString(pads) + " need " + 2 * spatial + " values");
        }
        return n.as(new Op.Conv((int) n.i("group", 1), strides, pads, dilations));
    }

    private static int[] perAxis(OnnxNode n, String attr, int spatial) {
        int[] v = n.ints(attr);
        if (v == null) {
            v = new int[spatial];
            Arrays.fill(v, 1);
        }
        if (v.length != spatial || Arrays.stream(v).anyMatch(e -> e < 1)) {
            throw n.error(attr + " " + Arrays.toString(v) + " must be " + spatial + " values >= 1");
        }
        return v;
    }

    /** SAME padding: output length ceil(in / stride); the odd pixel goes to the end (UPPER) or the beginning (LOWER). */
    private static int[] samePads(Shape x, int[] kernel, int[] strides, int[] dilations, boolean upper) {
        int spatial = kernel.length;
        int[] pads = new int[2 * spatial];
        for (int a = 0; a < spatial; a++) {
            int in = x.dim(2 + a);
            int out = (in + strides[a] - 1) / strides[a];
            int total = Math.max(0, (out - 1) * strides[a] + (kernel[a] - 1) * dilations[a] + 1 - in);
            pads[a] = upper ? total / 2 : total - total / 2;
            pads[a + spatial] = total - pads[a];
        }
        return pads;
    }
}
