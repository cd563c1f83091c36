"""Shared fixtures, generated with the accelgen CLI once per pytest session: board bundles, and units with their
golden vectors (`accelgen pe vectors`: rtl/, stimulus.json, expected.json), so no generated RTL is checked in.

ACCELGEN_BUNDLE=/path/to/bundle adds that (already generated) bundle as variant "given", so a lab can simulate
exactly the bundle it is about to build."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundles(tmp_path_factory):
    out = {}
    base = tmp_path_factory.mktemp("bundles")
    for name, (board, extra) in VARIANTS.items():
        target = base / name
        subprocess.run([str(ROOT / "accelgen"), "generate", "builtin:gemm", "--board", board, "--out", str(target),
                        "--no-estimate"] + extra, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        out[name] = target
    if GIVEN:
        out["given"] = pathlib.Path(GIVEN).resolve()
    return out


@pytest.fixture(scope="session")
def units(tmp_path_factory):
    """Unit name -> directory with rtl/<top>.manifest.json, stimulus.json and expected.json."""
    base = tmp_path_factory.mktemp("units")
    out = {}
    for name, args in UNITS.items():
        target = base / name
        subprocess.run([str(ROOT / "accelgen"), "pe", "vectors"] + args + ["--out", str(target)], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        out[name] = target
    return out


# The units the cocotb tests run (top -> CLI arguments): a base-3 LUT6_2 ternary unit (hand-mapped LUT6_2/CARRY4
# lanes through their behavioural models), a W4 x fp16 two-column MixPE unit, a sparse int8x2 DSP48E2 chain (the
# DSP48E2 behavioural model) and an MoE layer with its AXI4-style read memory.
UNITS = {
    "ternary_l7_a8_base3": ["ternary", "--lanes", "7", "--a-bits", "8", "--packing", "base3", "--vectors", "12",
                            "--seed", "41"],
    "mixpe_w4_fp16_g2_l4_c2": ["mixpe", "--w-bits", "4", "--a-type", "fp16", "--group", "2", "--lanes", "4",
                               "--cols", "2", "--vectors", "12", "--seed", "42"],
    "dsp_chain_l4_int8x2_s2of4": ["dsp-chain", "--length", "4", "--packing", "int8x2", "--sparsity", "2:4",
                                  "--vectors", "24", "--seed", "41"],
    "moe_layer_e4_k2_t4_r2_c2_d4_l9_b1": ["moe", "--experts", "4", "--top-k", "2", "--tokens", "4", "--expert-array",
                                          "systolic:2x2", "--d-model", "4", "--mem-latency", "9",
                                          "--mem-bytes-per-cycle", "1", "--vectors", "2", "--seed", "42"],
}


# Each board's default shell; a ZCU104 shell with tiny burst and outstanding limits so that bursts split on the
# limit (not only at 4 KB boundaries) and the outstanding limit is reached; a one-row array with single-beat bursts;
# a 512-bit U280 shell with several results per bus word.
VARIANTS = {
    "zcu104": ("zcu104", []),
    "u280": ("u280", []),
    "zcu104_narrow": ("zcu104", ["--k", "16", "--max-burst", "2", "--max-outstanding", "2"]),
    "zcu104_edge": ("zcu104", ["--rows", "1", "--cols", "4", "--k", "4", "--max-burst", "1", "--max-outstanding", "1"]),
    "u280_wide": ("u280", ["--rows", "4", "--cols", "4", "--k", "32", "--data-bits", "512", "--max-burst", "2",
                           "--max-outstanding", "2"]),
}



GIVEN = os.environ.get("ACCELGEN_BUNDLE")
SHELL_VARIANTS = list(VARIANTS) + (["given"] if GIVEN else [])
