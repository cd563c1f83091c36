#!/usr/bin/env python3
"""Writes the small ONNX models of the transformer-export ops the dataflow-compiler imports (written with
onnx.helper, fixed seeds), checks each with onnx.checker and runs it once in onnxruntime.

Usage: python3 export_op_models.py [OUT_DIR]   (default: ops/ next to this file). Needs onnx, onnxruntime, numpy:
  python3 -m venv /tmp/onnxenv && /tmp/onnxenv/bin/pip install onnx onnxruntime numpy
  attention-causal.onnx   Attention-23, 4-D, past key/value (as many new keys as queries), is_causal
  attention-gqa-3d.onnx   Attention-23, 3-D inputs, 4 query / 2 key-value heads, past key/value, float mask, causal
  attention-bool-mask.onnx Attention-23, 4-D grouped-query attention with a boolean mask
  attention-softcap.onnx  Attention-23 with softcap, causal, grouped-query
  rope.onnx               RotaryEmbedding-23: 4-D with position_ids; 3-D interleaved, partial rotation
  conv.onnx               ViT patch embedding (Conv kernel = stride), grouped/dilated/padded Conv, SAME_UPPER, 1-D Conv
  batchnorm.onnx          BatchNormalization after Conv, Gemm and MatMul (folded) and after Relu, on an input and after a
                          Gemm whose output is a graph output (evaluated)
  sequence.onnx           Range (int from a shape, float), CumSum (inclusive, exclusive, reverse), Mod (fmod 0 and 1)
  where.onnx              Where broadcasting condition, x and y of three different shapes (float and int64)
  if.onnx                 If with conditions that fold to true and to false, a branch initializer, a nested If
  logsoftmax-flatten.onnx LogSoftmax on axes 1 and -1, Flatten on axes 0, 2 and -1
  einsum.onnx             Einsum bij,bjk->bik; bhqd,bhkd->bhqk; ...ij,...jk->...ik; ji,jk->ik; ik,jk->ij; ij,jk; bij,bjk->bki
  einsum-attention.onnx   attention written with two Einsums (fuses into one Attention)
  fp16.onnx               float16 input, initializers, MatMul/Add/Softmax/Cast and float16 output
  if-dynamic.onnx         an If whose condition depends on the input (refused)
  einsum-diagonal.onnx    Einsum ii->i (refused)
  attention-qk-output.onnx Attention asking for its qk_matmul_output (refused)
  mod-float-fmod0.onnx    Mod with fmod=0 on floats, which the standard forbids (refused)
  unknown-op.onnx         Det, an op the importer does not implement (refused)
  opset11-opset17.onnx    ../opset11.onnx upgraded by onnx.version_converter, as the opset refusal tells users to
"""
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto as T
from onnx import helper as h
from onnx import numpy_helper as nh

OPSET_NEW = 23  # Attention and RotaryEmbedding
OPSET = 17
IR = {OPSET: 8, OPSET_NEW: 11}


def vi(name, elem, shape):
    return h.make_tensor_value_info(name, elem, shape)


def init(name, array):
    return nh.from_array(np.asarray(array), name)


def save(out, file, nodes, inputs, outputs, inits=(), opset=OPSET):
    graph = h.make_graph(nodes, file.replace(".onnx", ""), inputs, outputs, list(inits))
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", opset)], ir_version=IR[opset],
                         producer_name="export_op_models.py")
    onnx.checker.check_model(model)
    onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    path = os.path.join(out, file)
    onnx.save(model, path)
    return path


def run_once(path, rng):
    """Runs the model in onnxruntime on random inputs (a smoke check; the Java tests are the comparison)."""
    s = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    feeds = {}
    for i in s.get_inputs():
        shape = i.shape
        if i.type == "tensor(int64)":
            feeds[i.name] = rng.integers(0, 10, size=shape).astype(np.int64)
        elif i.type == "tensor(float16)":
            feeds[i.name] = rng.standard_normal(shape).astype(np.float16)
        else:
            feeds[i.name] = rng.standard_normal(shape).astype(np.float32)
    for o, v in zip(s.get_outputs(), s.run(None, feeds)):
        assert np.all(np.isfinite(v.astype(np.float64))), (path, o.name)


def attention(out, rng):
    f = T.FLOAT
    paths = [save(out, "attention-causal.onnx",
                  [h.make_node("Attention", ["q", "k", "v", "", "past_k", "past_v"], ["y", "present_k", "present_v"],
                               name="attn", is_causal=1)],
                  [vi("q", f, [1, 2, 4, 8]), vi("k", f, [1, 2, 4, 8]), vi("v", f, [1, 2, 4, 8]),
                   vi("past_k", f, [1, 2, 3, 8]), vi("past_v", f, [1, 2, 3, 8])],
                  [vi("y", f, [1, 2, 4, 8]), vi("present_k", f, [1, 2, 7, 8]), vi("present_v", f, [1, 2, 7, 8])],
                  opset=OPSET_NEW)]
    paths.append(save(out, "attention-gqa-3d.onnx",
                      [h.make_node("Attention", ["q", "k", "v", "mask", "past_k", "past_v"], ["y", "present_k", "present_v"],
                                   name="attn", is_causal=1, q_num_heads=4, kv_num_heads=2, scale=0.3)],
                      [vi("q", f, [2, 3, 16]), vi("k", f, [2, 5, 8]), vi("v", f, [2, 5, 12]), vi("mask", f, [3, 7]),
                       vi("past_k", f, [2, 2, 2, 4]), vi("past_v", f, [2, 2, 2, 6])],
                      [vi("y", f, [2, 3, 24]), vi("present_k", f, [2, 2, 7, 4]), vi("present_v", f, [2, 2, 7, 6])],
                      opset=OPSET_NEW))
    keep = rng.random((1, 1, 3, 6)) < 0.7
    keep[..., 0] = True  # no query row is fully masked
    paths.append(save(out, "attention-bool-mask.onnx",
                      [h.make_node("Attention", ["q", "k", "v", "keep"], ["y"], name="attn")],
                      [vi("q", f, [1, 4, 3, 8]), vi("k", f, [1, 2, 6, 8]), vi("v", f, [1, 2, 6, 8])],
                      [vi("y", f, [1, 4, 3, 8])], [init("keep", keep)], opset=OPSET_NEW))
    paths.append(save(out, "attention-softcap.onnx",
                      [h.make_node("Attention", ["q", "k", "v"], ["y"], name="attn", is_causal=1, softcap=1.5)],
                      [vi("q", f, [1, 4, 4, 8]), vi("k", f, [1, 2, 4, 8]), vi("v", f, [1, 2, 4, 8])],
                      [vi("y", f, [1, 4, 4, 8])], opset=OPSET_NEW))
    save(out, "attention-qk-output.onnx",
         [h.make_node("Attention", ["q", "k", "v"], ["y", "", "", "qk"], name="attn")],
         [vi("q", f, [1, 2, 4, 8]), vi("k", f, [1, 2, 4, 8]), vi("v", f, [1, 2, 4, 8])],
         [vi("y", f, [1, 2, 4, 8]), vi("qk", f, [1, 2, 4, 4])], opset=OPSET_NEW)
    return paths


def rope(out, rng):
    f = T.FLOAT
    half = 4
    inv = 1.0 / (10000 ** (np.arange(half) / half))
    angles = np.outer(np.arange(16), inv)
    angles3 = np.outer(np.arange(5), 1.0 / (10000 ** (np.arange(2) / 2)))[None]
    return [save(out, "rope.onnx",
                 [h.make_node("RotaryEmbedding", ["x", "cos", "sin", "pos"], ["y"], name="rope4"),
                  h.make_node("RotaryEmbedding", ["x3", "cos3", "sin3"], ["y3"], name="rope3", num_heads=2,
                              interleaved=1, rotary_embedding_dim=4)],
                 [vi("x", f, [1, 2, 5, 8]), vi("pos", T.INT64, [1, 5]), vi("x3", f, [1, 5, 12])],
                 [vi("y", f, [1, 2, 5, 8]), vi("y3", f, [1, 5, 12])],
                 [init("cos", np.cos(angles).astype(np.float32)), init("sin", np.sin(angles).astype(np.float32)),
                  init("cos3", np.cos(angles3).astype(np.float32)), init("sin3", np.sin(angles3).astype(np.float32))],
                 opset=OPSET_NEW)]


def conv(out, rng):
    f = T.FLOAT
    w = lambda *s: rng.standard_normal(s).astype(np.float32) * 0.3
    nodes = [
        h.make_node("Conv", ["img", "patch_w", "patch_b"], ["patch"], name="patch_embed", kernel_shape=[4, 4], strides=[4, 4]),
        h.make_node("Reshape", ["patch", "tokens_shape"], ["tokens_t"], name="tokens"),
        h.make_node("Transpose", ["tokens_t"], ["patches"], name="to_tokens", perm=[0, 2, 1]),
        h.make_node("Conv", ["x", "g_w", "g_b"], ["g"], name="grouped", group=2, strides=[2, 1], pads=[1, 0, 2, 1],
                    dilations=[2, 1]),
        h.make_node("Flatten", ["g"], ["grouped_flat"], name="flat", axis=1),
        h.make_node("Conv", ["g", "s_w"], ["same"], name="same_upper", strides=[2, 2], auto_pad="SAME_UPPER"),
        h.make_node("Conv", ["seq", "c1_w", "c1_b"], ["conv1d"], name="conv1d", pads=[1, 1], strides=[2]),
    ]
    return [save(out, "conv.onnx", nodes,
                 [vi("img", f, [1, 3, 16, 16]), vi("x", f, [2, 4, 9, 7]), vi("seq", f, [1, 3, 10])],
                 [vi("patches", f, [1, 16, 8]), vi("grouped_flat", f, [2, 168]), vi("same", f, [2, 3, 2, 4]), vi("conv1d", f, [1, 4, 5])],
                 [init("patch_w", w(8, 3, 4, 4)), init("patch_b", w(8)), init("tokens_shape", np.array([1, 8, 16], np.int64)),
                  init("g_w", w(6, 2, 3, 2)), init("g_b", w(6)), init("s_w", w(3, 6, 3, 3)),
                  init("c1_w", w(4, 3, 3)), init("c1_b", w(4))])]


def batchnorm(out, rng):
    f = T.FLOAT
    w = lambda *s: rng.standard_normal(s).astype(np.float32) * 0.3

    def bn(name, x, y, c):
        params = [init(name + ".scale", w(c) + 1), init(name + ".bias", w(c)), init(name + ".mean", w(c)),
                  init(name + ".var", rng.uniform(0.5, 1.5, c).astype(np.float32))]
        node = h.make_node("BatchNormalization", [x] + [p.name for p in params], [y], name=name, epsilon=1e-3)
        return node, params

    layers = [h.make_node("Conv", ["x", "conv.w", "conv.b"], ["c"], name="conv"), bn("bn_conv", "c", "cb", 4),
              h.make_node("Relu", ["cb"], ["r"], name="relu"), bn("bn_relu", "r", "rb", 4),
              h.make_node("Flatten", ["rb"], ["flat"], name="flatten", axis=1),
              h.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["fc"], name="fc", transB=1, beta=0.5), bn("bn_fc", "fc", "fcb", 10),
              h.make_node("MatMul", ["fcb", "proj.w"], ["p"], name="proj"), bn("bn_proj", "p", "y", 5),
              bn("bn_input", "x", "xb", 3)]
    nodes = [l[0] if isinstance(l, tuple) else l for l in layers]
    inits = [init("conv.w", w(4, 3, 3, 3)), init("conv.b", w(4)), init("fc.w", w(10, 64)), init("fc.b", w(10)),
             init("proj.w", w(10, 5))] + [p for l in layers if isinstance(l, tuple) for p in l[1]]
    seen, seen_params = bn("bn_fc_seen", "fc_seen", "fcb_seen", 10)  # its Gemm's output is a graph output: not folded
    nodes += [h.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["fc_seen"], name="fc_seen", transB=1), seen,
              h.make_node("Add", ["fcb_seen", "fcb"], ["fc_sum"])]
    outputs = [vi("y", f, [2, 5]), vi("xb", f, [2, 3, 6, 6]), vi("fc_seen", f, [2, 10]), vi("fc_sum", f, [2, 10])]
    return [save(out, "batchnorm.onnx", nodes, [vi("x", f, [2, 3, 6, 6])], outputs, inits + seen_params)]


def sequence(out, rng):
    f, i64 = T.FLOAT, T.INT64
    c = lambda name, v: h.make_node("Constant", [], [name], value=nh.from_array(np.asarray(v), name))
    nodes = [
        h.make_node("Shape", ["x"], ["x_shape"]), c("one_idx", np.array(1, np.int64)),
        h.make_node("Gather", ["x_shape", "one_idx"], ["len"], axis=0),
        c("zero", np.array(0, np.int64)), c("step", np.array(1, np.int64)),
        h.make_node("Range", ["zero", "len", "step"], ["positions"], name="range_int"),
        h.make_node("Cast", ["positions"], ["positions_f"], to=f),
        c("fstart", np.array(0.5, np.float32)), c("flimit", np.array(2.0, np.float32)), c("fdelta", np.array(0.3, np.float32)),
        h.make_node("Range", ["fstart", "flimit", "fdelta"], ["frange"], name="range_float"),
        c("axis1", np.array(1, np.int64)),
        h.make_node("CumSum", ["mask", "axis1"], ["csum"], name="cumsum_mask"),
        h.make_node("Sub", ["csum", "step"], ["position_ids"]),
        h.make_node("Cast", ["position_ids"], ["position_ids_f"], to=f),
        c("axis_last", np.array(-1, np.int64)),
        h.make_node("CumSum", ["x", "axis_last"], ["csum_rev"], name="cumsum_x", exclusive=1, reverse=1),
        c("seven", np.array(7, np.int64)), c("twenty", np.array(20, np.int64)), c("three", np.array(-3, np.int64)),
        h.make_node("Mul", ["mask", "seven"], ["m7"]), h.make_node("Sub", ["m7", "twenty"], ["signed"]),
        h.make_node("Mod", ["signed", "three"], ["imod"], name="mod_int"),
        h.make_node("Mod", ["signed", "seven"], ["imod_fmod"], name="fmod_int", fmod=1),
        h.make_node("Add", ["imod", "imod_fmod"], ["imods"]), h.make_node("Cast", ["imods"], ["imods_f"], to=f),
        c("five", np.array(5.0, np.float32)), c("divisor", np.array([1.3, -0.7, 2.1, 0.9, -1.1, 0.4], np.float32)),
        h.make_node("Mul", ["x", "five"], ["x5"]),
        h.make_node("Mod", ["x5", "divisor"], ["fmod"], name="mod_float", fmod=1),
    ]
    save(out, "mod-float-fmod0.onnx", [h.make_node("Mod", ["x", "x"], ["y"], name="mod")], [vi("x", f, [2])], [vi("y", f, [2])])
    return [save(out, "sequence.onnx", nodes, [vi("x", f, [2, 6]), vi("mask", i64, [2, 6])],
                 [vi("positions_f", f, [6]), vi("frange", f, [5])]
                 + [vi(n, f, [2, 6]) for n in ["position_ids_f", "csum_rev", "imods_f", "fmod"]])]


def where(out, rng):
    f, i64 = T.FLOAT, T.INT64
    nodes = [
        h.make_node("Greater", ["c", "zero"], ["cond"]),
        h.make_node("Where", ["cond", "x", "y"], ["w"], name="where_float"),
        h.make_node("Where", ["cond", "ix", "iy"], ["wi"], name="where_int"),
        h.make_node("Cast", ["wi"], ["wi_f"], to=f),
    ]
    return [save(out, "where.onnx", nodes, [vi("c", f, [1, 4, 1]), vi("x", f, [3, 1, 5]), vi("y", f, [4, 1])],
                 [vi("w", f, [3, 4, 5]), vi("wi_f", f, [3, 4, 5])],
                 [init("zero", np.float32(0)), init("ix", np.arange(15, dtype=np.int64).reshape(3, 1, 5)),
                  init("iy", -np.arange(4, dtype=np.int64).reshape(4, 1))])]


def if_models(out, rng):
    f = T.FLOAT
    c = lambda name, v: h.make_node("Constant", [], [name], value=nh.from_array(np.asarray(v), name))
    then_true = h.make_graph([h.make_node("Mul", ["x", "then_w"], ["t_mul"]), h.make_node("Add", ["t_mul", "outer_b"], ["t_out"])],
                             "then_true", [], [vi("t_out", f, [2, 3])], [init("then_w", np.array([1.5, -2.0, 0.5], np.float32))])
    else_true = h.make_graph([h.make_node("Sub", ["x", "outer_b"], ["e_out"])], "else_true", [], [vi("e_out", f, [2, 3])])
    inner_then = h.make_graph([h.make_node("Relu", ["x"], ["n_out"])], "inner_then", [], [vi("n_out", f, [2, 3])])
    inner_else = h.make_graph([h.make_node("Neg", ["x"], ["n_neg"])], "inner_else", [], [vi("n_neg", f, [2, 3])])
    then_false = h.make_graph([h.make_node("Mul", ["x", "hundred"], ["f_out"])], "then_false", [], [vi("f_out", f, [2, 3])],
                              [init("hundred", np.float32(100))])
    else_false = h.make_graph([h.make_node("Neg", ["x"], ["g_neg"]),
                               h.make_node("If", ["inner_cond"], ["g_in"], name="inner_if", then_branch=inner_then,
                                           else_branch=inner_else),
                               h.make_node("Add", ["g_neg", "g_in"], ["g_out"])],
                              "else_false", [], [vi("g_out", f, [2, 3])])
    nodes = [
        h.make_node("Shape", ["x"], ["shape"]), c("zero", np.array(0, np.int64)), c("two", np.array(2, np.int64)),
        h.make_node("Gather", ["shape", "zero"], ["batch"], axis=0),
        h.make_node("Equal", ["batch", "two"], ["is_two"]),
        h.make_node("If", ["is_two"], ["y_true"], name="if_true", then_branch=then_true, else_branch=else_true),
        h.make_node("Less", ["batch", "two"], ["lt_two"]),
        h.make_node("GreaterOrEqual", ["batch", "two"], ["inner_cond"]),
        h.make_node("If", ["lt_two"], ["y_false"], name="if_false", then_branch=then_false, else_branch=else_false),
    ]
    paths = [save(out, "if.onnx", nodes, [vi("x", f, [2, 3])], [vi("y_true", f, [2, 3]), vi("y_false", f, [2, 3])],
                  [init("outer_b", np.array([0.25, 0.5, -1.0], np.float32))])]
    dynamic = [h.make_node("ReduceSum", ["x"], ["total"], keepdims=0), c("zero_f", np.float32(0)),
               h.make_node("Greater", ["total", "zero_f"], ["positive"]),
               h.make_node("If", ["positive"], ["y"], name="data_if", then_branch=inner_then, else_branch=inner_else)]
    save(out, "if-dynamic.onnx", dynamic, [vi("x", f, [2, 3])], [vi("y", f, [2, 3])])
    return paths


def logsoftmax_flatten(out, rng):
    f = T.FLOAT
    nodes = [h.make_node("LogSoftmax", ["x"], ["ls1"], name="logsoftmax_axis1", axis=1),
             h.make_node("Flatten", ["x"], ["flat_last"], name="flatten_last", axis=-1),
             h.make_node("LogSoftmax", ["flat_last"], ["ls_last"], name="logsoftmax_last"),
             h.make_node("Flatten", ["x"], ["flat0"], name="flatten0", axis=0),
             h.make_node("Flatten", ["x"], ["flat2"], name="flatten2", axis=2)]
    return [save(out, "logsoftmax-flatten.onnx", nodes, [vi("x", f, [2, 3, 4, 5])],
                 [vi("ls1", f, [2, 3, 4, 5]), vi("ls_last", f, [24, 5]), vi("flat0", f, [1, 120]), vi("flat2", f, [6, 20])])]


def einsum(out, rng):
    f = T.FLOAT
    cases = [("bij,bjk->bik", [2, 3, 4], [2, 4, 5], [2, 3, 5]), ("bhqd,bhkd->bhqk", [1, 2, 3, 4], [1, 2, 5, 4], [1, 2, 3, 5]),
             ("...ij,...jk->...ik", [2, 3, 4, 5], [1, 3, 5, 2], [2, 3, 4, 2]), ("ji,jk->ik", [4, 3], [4, 2], [3, 2]),
             ("ik,jk->ij", [3, 4], [2, 4], [3, 2]), ("ij,jk", [3, 4], [4, 2], [3, 2]),
             ("bij,bjk->bki", [2, 3, 4], [2, 4, 5], [2, 5, 3])]
    nodes, inputs, outputs = [], [], []
    for i, (eq, a, b, y) in enumerate(cases):
        nodes.append(h.make_node("Einsum", [f"a{i}", f"b{i}"], [f"y{i}"], name=f"einsum{i}", equation=eq))
        inputs += [vi(f"a{i}", f, a), vi(f"b{i}", f, b)]
        outputs.append(vi(f"y{i}", f, y))
    paths = [save(out, "einsum.onnx", nodes, inputs, outputs)]
    paths.append(save(out, "einsum-attention.onnx",
                      [h.make_node("Einsum", ["q", "k"], ["scores"], name="qk", equation="bhqd,bhkd->bhqk"),
                       h.make_node("Mul", ["scores", "scale"], ["scaled"]),
                       h.make_node("Softmax", ["scaled"], ["probs"], axis=-1),
                       h.make_node("Einsum", ["probs", "v"], ["y"], name="pv", equation="bhqk,bhkd->bhqd")],
                      [vi(n, f, [1, 2, 4, 8]) for n in ["q", "k", "v"]], [vi("y", f, [1, 2, 4, 8])],
                      [init("scale", np.float32(8 ** -0.5))]))
    save(out, "einsum-diagonal.onnx", [h.make_node("Einsum", ["m"], ["d"], name="diag", equation="ii->i")],
         [vi("m", f, [3, 3])], [vi("d", f, [3])])
    return paths


def fp16(out, rng):
    h16 = T.FLOAT16
    nodes = [h.make_node("MatMul", ["x", "w"], ["xw"], name="matmul"), h.make_node("Add", ["xw", "b"], ["logits"]),
             h.make_node("Softmax", ["logits"], ["probs"], axis=-1),
             h.make_node("Cast", ["probs"], ["probs32"], to=T.FLOAT),
             h.make_node("Mul", ["probs32", "gain"], ["scaled"]),
             h.make_node("Cast", ["scaled"], ["y"], to=h16)]
    return [save(out, "fp16.onnx", nodes, [vi("x", h16, [2, 8])], [vi("y", h16, [2, 8])],
                 [init("w", (rng.standard_normal((8, 8)) * 0.5).astype(np.float16)),
                  init("b", rng.standard_normal(8).astype(np.float16)), init("gain", np.float32(3.0))])]


def unknown_op(out, rng):
    save(out, "unknown-op.onnx", [h.make_node("Det", ["m"], ["d"], name="det")], [vi("m", T.FLOAT, [3, 3])],
         [vi("d", T.FLOAT, [])])
    return []


def upgraded_opset11(out, rng):
    """The command the importer's opset refusal names, run on opset11.onnx (written by export_test_models.py)."""
    import onnx.version_converter as vc
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "opset11.onnx")
    path = os.path.join(out, "opset11-opset17.onnx")
    onnx.save(vc.convert_version(onnx.load(src), 17), path)
    return [path]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(23)
    runnable = []
    for make in [attention, rope, conv, batchnorm, sequence, where, if_models, logsoftmax_flatten, einsum, fp16, unknown_op,
                 upgraded_opset11]:
        runnable += make(out, rng)
    for p in runnable:
        run_once(p, np.random.default_rng(5))
    for f in sorted(os.listdir(out)):
        print(os.path.join(out, f), os.path.getsize(os.path.join(out, f)))


if __name__ == "__main__":
    main()
