"""Shared fixture: bundles generated with the accelgen CLI, once per pytest session.

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
