#!/usr/bin/env python3
"""Exports the ONNX files the dataflow-compiler tests import, with PyTorch's ONNX exporter (and, for the
external-data and broken variants, the onnx library re-saving or editing an exported model).

Usage: python3 export_test_models.py [OUT_DIR]   (default: this directory). Needs torch (CPU) and onnx.
  qdq.onnx           MLP with torch.fake_quantize_per_tensor/per_channel -> QuantizeLinear/DequantizeLinear
  ops-mix.onnx       Gemm, ReLU, Tanh, Clip, Squeeze/Unsqueeze, Expand, Cast, ReduceSum/Max, tanh-GELU
  external/model.onnx + external/weights.bin   tiny-encoder-like block with its weights as external data
  conv.onnx          a Conv2d
  dynamic.onnx       batch axis exported as dynamic ('batch')
  opset11.onnx       exported at opset 11 (older than the supported 13)
  bad-shapes.onnx    an exported MLP whose second weight was replaced by one of the wrong shape
"""
import os
import sys

import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(16, 32)
        self.fc2 = nn.Linear(32, 8)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class QdqMlp(Mlp):
    def __init__(self):
        super().__init__()
        self.register_buffer("w_scale", self.fc1.weight.detach().abs().amax(1) / 127)
        self.register_buffer("w_zero", torch.zeros(32, dtype=torch.int32))

    def forward(self, x):
        xq = torch.fake_quantize_per_tensor_affine(x, 0.05, 3, -128, 127)
        w = torch.fake_quantize_per_channel_affine(self.fc1.weight, self.w_scale, self.w_zero, 0, -128, 127)
        h = torch.relu(F.linear(xq, w, self.fc1.bias))
        hq = torch.fake_quantize_per_tensor_affine(h, 0.02, 0, 0, 255)
        return self.fc2(hq)


class OpsMix(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 16)

    def forward(self, x):
        h = torch.tanh(self.fc(x)).clamp(-0.5, 0.75)
        h = F.gelu(h, approximate="tanh")
        s = h.sum(dim=-1, keepdim=True) + h.amax(dim=-1, keepdim=True)
        m = (h > 0).to(torch.float32)
        e = s.unsqueeze(1).squeeze(1).expand(-1, 16)
        return h * m + e


class Block(nn.Module):
    def __init__(self, d=32):
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, 64)
        self.fc2 = nn.Linear(64, d)

    def forward(self, x):
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.conv(x)


def export(model, example, path, **kw):
    model.eval()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    kw.setdefault("opset_version", 17)
    torch.onnx.export(model, (example,), path, input_names=["x"], output_names=["y"], dynamo=False, **kw)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    torch.manual_seed(7)
    export(QdqMlp(), torch.randn(4, 16), os.path.join(out, "qdq.onnx"), do_constant_folding=False)
    export(OpsMix(), torch.randn(4, 16), os.path.join(out, "ops-mix.onnx"))
    ext = os.path.join(out, "external", "model.onnx")
    export(Block(), torch.randn(1, 8, 32), ext)
    m = onnx.load(ext)
    onnx.save_model(m, ext, save_as_external_data=True, all_tensors_to_one_file=True, location="weights.bin",
                    size_threshold=0)
    export(ConvNet(), torch.randn(1, 3, 8, 8), os.path.join(out, "conv.onnx"))
    export(Mlp(), torch.randn(2, 16), os.path.join(out, "dynamic.onnx"), dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    export(Mlp(), torch.randn(2, 16), os.path.join(out, "opset11.onnx"), opset_version=11)
    bad = os.path.join(out, "bad-shapes.onnx")
    export(Mlp(), torch.randn(2, 16), bad)
    m = onnx.load(bad)
    for i, t in enumerate(m.graph.initializer):
        if t.name == "fc2.weight" or (t.dims and list(t.dims) == [32, 8]):
            import numpy as np
            m.graph.initializer[i].CopyFrom(onnx.numpy_helper.from_array(np.ones((24, 8), dtype=np.float32), t.name))
            break
    else:
        raise SystemExit("bad-shapes: no [32,8] weight found")
    onnx.save(m, bad)
    for root, _, files in os.walk(out):
        for f in sorted(files):
            if f.endswith((".onnx", ".bin")):
                print(os.path.join(root, f), os.path.getsize(os.path.join(root, f)))


if __name__ == "__main__":
    main()
