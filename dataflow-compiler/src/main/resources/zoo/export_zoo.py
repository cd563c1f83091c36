#!/usr/bin/env python3
"""Exports the accelgen model zoo's tiny models to ONNX with PyTorch's ONNX exporter.

Usage: python3 export_zoo.py [OUT_DIR]   (default: the directory of this script)
Needs: torch (CPU), onnx. Deterministic: fixed seeds, fixed shapes (batch 1), opset 17,
the TorchScript-based exporter (dynamo=False) so the graphs keep the primitive ONNX ops.

Models (all float32, static shapes):
  tiny-encoder  post-LN transformer encoder block: MHA (4 heads) + GELU(erf) FFN, LayerNorm
  tiny-llama    LLaMA-style decoder: embedding, RMSNorm, RoPE, GQA (4 q heads / 2 kv heads),
                causal mask, SwiGLU FFN, final RMSNorm, LM head
  tiny-mmfree   MatMul-free LM block: BitLinear projections whose weights are already ternary
                times their absmean scale, MLGRU token mixer unrolled over the sequence, GLU channel mixer
  tiny-moe-vit  ViT block on pre-patchified input: patch projection + position embedding, MHA,
                MoE FFN (4 experts, top-2 softmax gate evaluated densely: exact top-k routing)
"""
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 17


class EncoderBlock(nn.Module):
    def __init__(self, d=32, heads=4, ffn=64):
        super().__init__()
        self.heads, self.hd = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln1 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, ffn)
        self.fc2 = nn.Linear(ffn, d)
        self.ln2 = nn.LayerNorm(d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        q = q.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        k = k.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        v = v.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.hd), dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = self.ln1(x + self.proj(y))
        return self.ln2(x + self.fc2(F.gelu(self.fc1(x))))


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(1.0 + 0.1 * torch.randn(d))

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


class TinyLlama(nn.Module):
    def __init__(self, vocab=64, d=32, heads=4, kv_heads=2, ffn=64, seq=8):
        super().__init__()
        self.heads, self.kv, self.hd = heads, kv_heads, d // heads
        self.embed = nn.Embedding(vocab, d)
        self.in_norm = RMSNorm(d)
        self.q = nn.Linear(d, heads * self.hd, bias=False)
        self.k = nn.Linear(d, kv_heads * self.hd, bias=False)
        self.v = nn.Linear(d, kv_heads * self.hd, bias=False)
        self.o = nn.Linear(d, d, bias=False)
        self.post_norm = RMSNorm(d)
        self.gate = nn.Linear(d, ffn, bias=False)
        self.up = nn.Linear(d, ffn, bias=False)
        self.down = nn.Linear(ffn, d, bias=False)
        self.norm = RMSNorm(d)
        self.lm_head = nn.Linear(d, vocab, bias=False)
        inv = 1.0 / (10000 ** (torch.arange(0, self.hd, 2).float() / self.hd))
        ang = torch.outer(torch.arange(seq).float(), inv)
        emb = torch.cat((ang, ang), dim=-1)
        self.register_buffer("cos", emb.cos())
        self.register_buffer("sin", emb.sin())
        self.register_buffer("mask", torch.triu(torch.full((seq, seq), float("-inf")), diagonal=1))

    def forward(self, ids):
        x = self.embed(ids)
        b, t, d = x.shape
        h = self.in_norm(x)
        q = self.q(h).reshape(b, t, self.heads, self.hd).transpose(1, 2)
        k = self.k(h).reshape(b, t, self.kv, self.hd).transpose(1, 2)
        v = self.v(h).reshape(b, t, self.kv, self.hd).transpose(1, 2)
        q = q * self.cos + rotate_half(q) * self.sin
        k = k * self.cos + rotate_half(k) * self.sin
        rep = self.heads // self.kv
        k = k.repeat_interleave(rep, dim=1)
        v = v.repeat_interleave(rep, dim=1)
        s = q @ k.transpose(-2, -1) / math.sqrt(self.hd) + self.mask
        y = (torch.softmax(s, dim=-1) @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.o(y)
        h = self.post_norm(x)
        x = x + self.down(F.silu(self.gate(h)) * self.up(h))
        return self.lm_head(self.norm(x))


def ternary_linear(n_in, n_out):
    """A bias-free linear layer whose weights are BitLinear's: absmean scale times {-1, 0, +1}."""
    lin = nn.Linear(n_in, n_out, bias=False)
    with torch.no_grad():
        w = lin.weight
        beta = w.abs().mean()
        lin.weight.copy_(torch.clamp(torch.round(w / beta), -1, 1) * beta)
    return lin


class TinyMmfree(nn.Module):
    def __init__(self, d=32, ffn=64):
        super().__init__()
        self.norm1 = RMSNorm(d)
        self.f_proj = ternary_linear(d, d)
        self.c_proj = ternary_linear(d, d)
        self.g_proj = ternary_linear(d, d)
        self.o_proj = ternary_linear(d, d)
        self.norm2 = RMSNorm(d)
        self.gate = ternary_linear(d, ffn)
        self.up = ternary_linear(d, ffn)
        self.down = ternary_linear(ffn, d)

    def forward(self, x):
        b, t, d = x.shape
        h = self.norm1(x)
        f = torch.sigmoid(self.f_proj(h))
        c = F.silu(self.c_proj(h))
        g = torch.sigmoid(self.g_proj(h))
        state = torch.zeros(b, d)
        outs = []
        for i in range(t):  # MLGRU: h_t = f_t * h_{t-1} + (1 - f_t) * c_t
            state = f[:, i] * state + (1 - f[:, i]) * c[:, i]
            outs.append(state)
        o = g * torch.stack(outs, dim=1)
        x = x + self.o_proj(o)
        h = self.norm2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class MoeVit(nn.Module):
    def __init__(self, patch_dim=48, patches=16, d=32, heads=4, experts=4, top_k=2, ffn=64):
        super().__init__()
        self.patch = nn.Linear(patch_dim, d)
        self.pos = nn.Parameter(0.02 * torch.randn(1, patches, d))
        self.ln1 = nn.LayerNorm(d)
        self.heads, self.hd = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.router = nn.Linear(d, experts, bias=False)
        self.top_k = top_k
        self.fc1 = nn.ModuleList([nn.Linear(d, ffn) for _ in range(experts)])
        self.fc2 = nn.ModuleList([nn.Linear(ffn, d) for _ in range(experts)])

    def forward(self, patches):
        x = self.patch(patches) + self.pos
        b, t, d = x.shape
        h = self.ln1(x)
        q, k, v = self.qkv(h).split(d, dim=-1)
        q = q.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        k = k.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        v = v.reshape(b, t, self.heads, self.hd).transpose(1, 2)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.hd), dim=-1)
        x = x + self.proj((att @ v).transpose(1, 2).reshape(b, t, d))
        h = self.ln2(x)
        logits = self.router(h)
        kth = torch.topk(logits, self.top_k, dim=-1).values[..., -1:]
        gates = torch.softmax(torch.where(logits >= kth, logits, torch.full_like(logits, -1e9)), dim=-1)
        moe = 0
        for e in range(len(self.fc1)):
            moe = moe + gates[..., e:e + 1] * self.fc2[e](F.gelu(self.fc1[e](h)))
        return x + moe


def export(model, example, name, input_name, out_dir):
    model.eval()
    path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(model, (example,), path, input_names=[input_name], output_names=["output"],
                      opset_version=OPSET, dynamo=False, do_constant_folding=True)
    print("wrote", path, os.path.getsize(path), "bytes")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    torch.manual_seed(20261129)
    export(EncoderBlock(), torch.randn(1, 8, 32), "tiny-encoder", "x", out_dir)
    export(TinyLlama(), torch.randint(0, 64, (1, 8)), "tiny-llama", "input_ids", out_dir)
    export(TinyMmfree(), torch.randn(1, 8, 32), "tiny-mmfree", "x", out_dir)
    export(MoeVit(), torch.randn(1, 16, 48), "tiny-moe-vit", "patches", out_dir)


if __name__ == "__main__":
    main()
