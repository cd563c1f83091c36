#!/usr/bin/env python3
"""Exports the zoo's tiny models again with PyTorch's newer exporter (torch.export based, dynamo=True, opset 20),
which emits Gelu, ReduceMean with an axes input, Reciprocal-based rsqrt, Expand for repeat_interleave and keeps
weights in an external .data file next to each model.

Usage: python3 export_dynamo_models.py [OUT_DIR]   (default: ./dynamo next to this script). Needs torch, onnx,
onnxscript. The model definitions are the zoo's (src/main/resources/zoo/export_zoo.py).
"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "main", "resources", "zoo"))
import export_zoo as zoo  # noqa: E402


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "dynamo")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(20261130)
    models = [("encoder", zoo.EncoderBlock(), torch.randn(1, 8, 32)),
              ("llama", zoo.TinyLlama(), torch.randint(0, 64, (1, 8))),
              ("mmfree", zoo.TinyMmfree(), torch.randn(1, 8, 32)),
              ("moe-vit", zoo.MoeVit(), torch.randn(1, 16, 48))]
    for name, model, example in models:
        model.eval()
        path = os.path.join(out, name + ".onnx")
        torch.onnx.export(model, (example,), path, dynamo=True, input_names=["x"], output_names=["y"])
        print(path, os.path.getsize(path), os.path.getsize(path + ".data"))


if __name__ == "__main__":
    main()
