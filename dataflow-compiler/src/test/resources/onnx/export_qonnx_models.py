#!/usr/bin/env python3
"""Exports QONNX test models with Brevitas (export_qonnx) and records a reference run by the qonnx executor.

Usage: python3 export_qonnx_models.py [OUT_DIR]   (default: this directory). Needs torch, brevitas, qonnx.
  qonnx-mlp.onnx      QuantIdentity (8-bit act) -> QuantLinear (4-bit weights) -> QuantReLU (4-bit) -> QuantLinear
                      (binary weights: BipolarQuant)
  qonnx-mlp.in.f32 / qonnx-mlp.out.f32   one input and the qonnx executor's output, raw little-endian float32
onnxruntime cannot run the QONNX custom ops, so the qonnx package's own executor is the reference here.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
from brevitas.export import export_qonnx
import brevitas.nn as qnn
from brevitas.quant import SignedBinaryWeightPerTensorConst
from qonnx.core.modelwrapper import ModelWrapper
from qonnx.core.onnx_exec import execute_onnx


class QMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = qnn.QuantIdentity(bit_width=8, return_quant_tensor=True)
        self.fc1 = qnn.QuantLinear(16, 32, bias=True, weight_bit_width=4, return_quant_tensor=True)
        self.relu = qnn.QuantReLU(bit_width=4, return_quant_tensor=True)
        self.fc2 = qnn.QuantLinear(32, 8, bias=False, weight_quant=SignedBinaryWeightPerTensorConst)

    def forward(self, x):
        return self.fc2(self.relu(self.fc1(self.inp(x))))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    torch.manual_seed(3)
    model = QMlp()
    model.train()
    with torch.no_grad():  # let the activation quantizers see data once, then freeze
        for _ in range(4):
            model(torch.randn(64, 16))
    model.eval()
    x = torch.randn(4, 16)
    path = os.path.join(out, "qonnx-mlp.onnx")
    export_qonnx(model, x, export_path=path)
    w = ModelWrapper(path)
    iname = w.graph.input[0].name
    oname = w.graph.output[0].name
    ref = execute_onnx(w, {iname: x.numpy()})[oname]
    x.numpy().astype("<f4").tofile(os.path.join(out, "qonnx-mlp.in.f32"))
    np.asarray(ref, dtype="<f4").tofile(os.path.join(out, "qonnx-mlp.out.f32"))
    print(path, os.path.getsize(path), "in", iname, list(x.shape), "out", oname, list(ref.shape))
    print(sorted({n.op_type + "@" + n.domain for n in w.graph.node}))


if __name__ == "__main__":
    main()
