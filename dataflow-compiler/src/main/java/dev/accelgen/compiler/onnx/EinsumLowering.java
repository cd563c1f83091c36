package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Einsum equations that are a batched matrix product, lowered to Transpose, Reshape and MatMul: two operands, every
 * letter either shared and kept (batch), shared and summed (contracted), or kept from one operand (free); an ellipsis
 * stands for broadcast batch axes. A becomes [batch, freeA, contracted], B [batch, contracted, freeB], each flattened
 * to a matrix per batch, and the product is reshaped and transposed to the output's letter order. Transposes and
 * reshapes that change nothing are not emitted, so {@code bhqd,bhkd->bhqk} becomes Transpose(k) and one MatMul, the
 * form attention fusion recognises. Any other equation (one or three operands, a diagonal, a sum over one operand's
 * letter) is refused naming the equation.
 */
final class EinsumLowering {
    /** Ellipsis axes get letters from here on, outside a-zA-Z. */
    private static final char ELLIPSIS_BASE = '\u0100';

    private EinsumLowering() {
    }

    static List<Node> translate(OnnxNode n) {
        String eq = n.s("equation", "").replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] operands = sides[0].split(",", -1);
        if (sides.length > 2) {
            throw refuse(n, eq, "it has more than one ->");
        }
        if (operands.length != 2 || n.inputs().size() != 2) {
            throw refuse(n, eq, "it has " + operands.length + (operands.length == 1 ? " operand" : " operands"));
        }
        Shape sa = n.inputShape(0);
        Shape sb = n.inputShape(1);
        int ellA = ellipsisRank(n, eq, operands[0], sa);
        int ellB = ellipsisRank(n, eq, operands[1], sb);
        int ell = Math.max(ellA, ellB);
        String a = expand(operands[0], ellA, ell);
        String b = expand(operands[1], ellB, ell);
        String out = sides.length == 2 ? explicitOutput(n, eq, sides[1], ell) : implicitOutput(a, b, ell);
        for (String term : new String[] {a, b, out}) {
            if (term.chars().distinct().count() != term.length()) {
                throw refuse(n, eq, "a letter repeats within one term (diagonals are not a matrix product)");
            }
        }
        List<Character> batch = new ArrayList<>();
        List<Character> freeA = new ArrayList<>();
        List<Character> freeB = new ArrayList<>();
        for (char c : out.toCharArray()) {
            boolean inA = a.indexOf(c) >= 0;
            boolean inB = b.indexOf(c) >= 0;
            if ((inA && inB) || c >= ELLIPSIS_BASE) {
                batch.add(c);
            } else if (inA) {
                freeA.add(c);
            } else if (inB) {
                freeB.add(c);
            } else {
                throw refuse(n, eq, "output letter " + c + " is in no operand");
            }
        }
        List<Character> contracted = new ArrayList<>();
        for (char c : a.toCharArray()) {
            if (out.indexOf(c) < 0) {
                if (b.indexOf(c) < 0) {
                    throw refuse(n, eq, "letter " + c + " is summed within one operand");
                }
                contracted.add(c);
            }
        }
        for (char c : b.toCharArray()) {
            if (out.indexOf(c) < 0 && a.indexOf(c) < 0) {
                throw refuse(n, eq, "letter " + c + " is summed within one operand");
            }
        }
        for (char c : contracted) {
            if (size(c, a, sa) != size(c, b, sb)) {
                throw refuse(n, eq, "summed letter " + c + " has sizes " + size(c, a, sa) + " and " + size(c, b, sb));
            }
        }
        Emitter e = new Emitter(n.name());
        String ma = matrix(e, "a", n.input(0), a, sa, batch, freeA, contracted);
        String mb = matrix(e, "b", n.input(1), b, sb, batch, contracted, freeB);
        String prod = e.op("matmul", new Op.MatMul(), ma, mb);
        List<Character> order = new ArrayList<>(batch);
        order.addAll(freeA);
        order.addAll(freeB);
        int[] dims = new int[order.size()];
        for (int i = 0; i < dims.length; i++) {
            char c = order.get(i);
            dims[i] = Math.max(size(c, a, sa), size(c, b, sb));
        }
        int[] matDims = new int[batch.size() + 2];
        for (int i = 0; i < batch.size(); i++) {
            matDims[i] = dims[i];
        }
        matDims[batch.size()] = product(dims, batch.size(), batch.size() + freeA.size());
        matDims[batch.size() + 1] = product(dims, batch.size() + freeA.size(), dims.length);
        String result = java.util.Arrays.equals(matDims, dims) ? prod : e.reshape("unflatten", prod, dims);
        int[] perm = new int[out.length()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = order.indexOf(out.charAt(i));
        }
        return e.finishAs(e.transpose("out", result, perm), n.outputs().get(0));
    }

    /** One operand as [batch..., rows, cols]: transposed to batch + rows + cols letter order, then reshaped. */
    private static String matrix(Emitter e, String step, String x, String term, Shape s, List<Character> batch,
                                 List<Character> rows, List<Character> cols) {
        List<Character> order = new ArrayList<>();
        for (char c : batch) {
            if (term.indexOf(c) >= 0) {
                order.add(c);
            }
        }
        order.addAll(rows);
        order.addAll(cols);
        int[] perm = new int[order.size()];
        int[] now = new int[order.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = term.indexOf(order.get(i));
            now[i] = s.dim(perm[i]);
        }
        String t = e.transpose(step + "_t", x, perm);
        int[] target = new int[batch.size() + 2];
        for (int i = 0; i < batch.size(); i++) {
            target[i] = size(batch.get(i), term, s);
        }
        target[batch.size()] = 1;
        target[batch.size() + 1] = 1;
        for (char c : rows) {
            target[batch.size()] *= s.dim(term.indexOf(c));
        }
        for (char c : cols) {
            target[batch.size() + 1] *= s.dim(term.indexOf(c));
        }
        return java.util.Arrays.equals(now, target) ? t : e.reshape(step + "_m", t, target);
    }

    /** A letter's size in an operand, 1 when the operand lacks it (a broadcast ellipsis axis). */
    private static int size(char c, String term, Shape s) {
        int i = term.indexOf(c);
        return i < 0 ? 1 : s.dim(i);
    }

    private static int product(int[] dims, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }

    private static int ellipsisRank(OnnxNode n, String eq, String term, Shape s) {
        int letters = term.replace("...", "").length();
        if (!term.replace("...", "").chars().allMatch(Character::isLetter)) {
            throw refuse(n, eq, "term " + term + " has characters other than letters and one ellipsis");
        }
        boolean ellipsis = term.contains("...");
        if (ellipsis ? s.rank() < letters : s.rank() != letters) {
            throw refuse(n, eq, "term " + term + " does not match operand rank " + s.rank());
        }
        return s.rank() - letters;
    }

    /** The term with its ellipsis replaced by the last {@code own} of {@code total} ellipsis letters. */
    private static String expand(String term, int own, int total) {
        StringBuilder ell = new StringBuilder();
        for (int i = total - own; i < total; i++) {
            ell.append((char) (ELLIPSIS_BASE + i));
        }
        return term.replace("...", ell);
    }

    private static String explicitOutput(OnnxNode n, String eq, String out, int ell) {
        if (ell > 0 && !out.contains("...")) {
            throw refuse(n, eq, "the output drops the ellipsis axes (a sum over them)");
        }
        if (!out.replace("...", "").chars().allMatch(Character::isLetter)) {
            throw refuse(n, eq, "output " + out + " has characters other than letters and one ellipsis");
        }
        return expand(out, ell, ell);
    }

    /** Implicit output: the ellipsis axes, then the letters used once, in alphabetical order. */
    private static String implicitOutput(String a, String b, int ell) {
        StringBuilder o = new StringBuilder(expand("...", ell, ell));
        TreeSet<Character> once = new TreeSet<>();
        for (char c : (a + b).toCharArray()) {
            if (c < ELLIPSIS_BASE && (a + b).indexOf(c) == (a + b).lastIndexOf(c)) {
                once.add(c);
            }
        }
        once.forEach(o::append);
        return o.toString();
    }

    private static RuntimeException refuse(OnnxNode n, String eq, String why) {
        return n.error("equation '" + eq + "' is not supported: " + why
                + " (supported: two-operand batched matrix products such as bij,bjk->bik or ...ij,...jk->...ik)");
    }
}
