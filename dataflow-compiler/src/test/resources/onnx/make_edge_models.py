#!/usr/bin/env python3
"""Writes the small edge-case ONNX files of the safety tests with onnx.helper (no PyTorch needed).

Usage: python3 make_edge_models.py [OUT_DIR]   (default: ./edge next to this script). Needs onnx (pip install onnx).
  dropout-mask.onnx    Dropout whose optional mask output is used (a second output of an identity op)
  mul-scalar.onnx      Mul of two rank-0 tensors (the RMSNorm matcher looked at the last axis of a scalar)
  gather.onnx          Gather on a weight through a Reshape of the ids, and Gather on a graph input (negative axis)
  positive-domain.onnx Log, Sqrt and Pow(x, 0.5) of graph inputs (seeded inputs must be positive)
  int-bool-out.onnx    int64 and bool outputs (Cast, Greater)
  double-in.onnx       a float64 input cast to float32
  int-div.onnx         an int64 input as the divisor of a Div (zero stand-ins must not fail shape inference)
  empty-graph.onnx     a valid model whose graph has no nodes
  zero-dim.onnx        an input with a static dimension of size 0
  huge-dim.onnx        an input of [100000, 100000] (past the tensor limit)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = [helper.make_opsetid("", 17)]


def model(name, nodes, inputs, outputs, initializers=()):
    g = helper.make_graph(nodes, name, inputs, outputs, initializer=list(initializers))
    m = helper.make_model(g, opset_imports=OPSET, producer_name="accelgen-edge-tests")
    m.ir_version = 8
    return m


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


F, I64, B, D = TensorProto.FLOAT, TensorProto.INT64, TensorProto.BOOL, TensorProto.DOUBLE


def build():
    rng = np.random.default_rng(7)
    yield "dropout-mask", model("dropout_mask", [
        helper.make_node("Dropout", ["x"], ["y", "mask"], name="drop"),
        helper.make_node("Cast", ["mask"], ["mask_f"], name="cast", to=F),
        helper.make_node("Mul", ["y", "mask_f"], ["out"], name="mul")],
        [vi("x", F, [2, 4])], [vi("out", F, [2, 4]), vi("mask", B, [2, 4])])
    yield "mul-scalar", model("mul_scalar", [
        helper.make_node("Mul", ["a", "b"], ["prod"], name="mul"),
        helper.make_node("Add", ["prod", "one"], ["out"], name="add")],
        [vi("a", F, []), vi("b", F, [])], [vi("out", F, [])],
        [numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one")])
    yield "gather", model("gather", [
        helper.make_node("Reshape", ["ids", "flat"], ["ids_flat"], name="flatten_ids"),
        helper.make_node("Gather", ["table", "ids_flat"], ["rows"], name="embed", axis=0),
        helper.make_node("Gather", ["x", "idx"], ["picked"], name="pick", axis=-2)],
        [vi("ids", I64, [2, 2]), vi("x", F, [5, 3]), vi("idx", I64, [4])],
        [vi("rows", F, [4, 3]), vi("picked", F, [4, 3])],
        [numpy_helper.from_array(rng.standard_normal((6, 3)).astype(np.float32), "table"),
         numpy_helper.from_array(np.array([4], dtype=np.int64), "flat")])
    yield "positive-domain", model("positive_domain", [
        helper.make_node("Log", ["a"], ["log_a"], name="log"),
        helper.make_node("Sqrt", ["b"], ["sqrt_b"], name="sqrt"),
        helper.make_node("Reshape", ["c", "shape4"], ["c4"], name="reshape_c"),
        helper.make_node("Pow", ["c4", "half"], ["root_c"], name="pow")],
        [vi("a", F, [4]), vi("b", F, [4]), vi("c", F, [2, 2])],
        [vi("log_a", F, [4]), vi("sqrt_b", F, [4]), vi("root_c", F, [4])],
        [numpy_helper.from_array(np.array(0.5, dtype=np.float32), "half"),
         numpy_helper.from_array(np.array([4], dtype=np.int64), "shape4")])
    yield "int-bool-out", model("int_bool_out", [
        helper.make_node("Greater", ["x", "zero"], ["positive"], name="gt"),
        helper.make_node("Mul", ["x", "ten"], ["x10"], name="scale"),
        helper.make_node("Cast", ["x10"], ["as_int"], name="to_int", to=I64),
        helper.make_node("Relu", ["x"], ["relu"], name="relu")],
        [vi("x", F, [2, 3])], [vi("positive", B, [2, 3]), vi("as_int", I64, [2, 3]), vi("relu", F, [2, 3])],
        [numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero"),
         numpy_helper.from_array(np.array(10.0, dtype=np.float32), "ten")])
    yield "double-in", model("double_in", [
        helper.make_node("Cast", ["x"], ["xf"], name="to_float", to=F),
        helper.make_node("Relu", ["xf"], ["out"], name="relu")],
        [vi("x", D, [2, 3])], [vi("out", F, [2, 3])])
    yield "int-div", model("int_div", [
        helper.make_node("Div", ["total", "parts"], ["each"], name="div"),
        helper.make_node("Cast", ["each"], ["each_f"], name="to_float", to=F),
        helper.make_node("Add", ["x", "each_f"], ["out"], name="add")],
        [vi("x", F, [3]), vi("parts", I64, [3])], [vi("out", F, [3])],
        [numpy_helper.from_array(np.array([12, 24, 36], dtype=np.int64), "total")])
    yield "empty-graph", model("empty_graph", [], [vi("x", F, [2])], [vi("x", F, [2])])
    yield "zero-dim", model("zero_dim", [helper.make_node("Relu", ["x"], ["out"], name="relu")],
                            [vi("x", F, [0, 4])], [vi("out", F, [0, 4])])
    yield "huge-dim", model("huge_dim", [helper.make_node("Relu", ["x"], ["out"], name="relu")],
                            [vi("x", F, [100000, 100000])], [vi("out", F, [100000, 100000])])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "edge")
    os.makedirs(out, exist_ok=True)
    for name, m in build():
        if name != "empty-graph":
            onnx.checker.check_model(m)
        onnx.save(m, os.path.join(out, name + ".onnx"))
        print("wrote", name + ".onnx")


if __name__ == "__main__":
    main()
