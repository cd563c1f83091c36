"""Runs the ZCU104 bundle's host programs off the board against models of the accelerator: the PYNQ driver with a
stand-in pynq module, the /dev/mem C driver (compiled with gcc) against a sparse file standing for physical memory.
Both models compute C with numpy, independently of the golden files the drivers compare against. Every driver reads
the status word after the run: a model that reports an AXI error there makes it fail."""
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def run_pynq(bundle, tmp_path, mode):
    bitstream = tmp_path / "accel_zcu104.bit"
    bitstream.write_bytes(b"stand-in")
    env = dict(os.environ, PYTHONPATH=str(HERE / "fake_pynq"), FAKE_PYNQ_MODE=mode,
               FAKE_PYNQ_GOLDEN_JSON=str(bundle / "golden" / "golden.json"))
    return subprocess.run([sys.executable, str(bundle / "host" / "pynq" / "accel_pynq.py"), str(bitstream),
                           str(bundle)], env=env, capture_output=True, text=True, timeout=60)


def test_pynq_driver_passes_on_a_correct_accelerator(bundles, tmp_path):
    r = run_pynq(bundles["zcu104"], tmp_path, "ok")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("PASS c 64 bytes match c.bin\nrun time "), r.stdout


def test_pynq_driver_reports_a_wrong_byte(bundles, tmp_path):
    r = run_pynq(bundles["zcu104"], tmp_path, "wrong")
    assert r.returncode == 1
    assert r.stdout.startswith("FAIL c byte 5: got 0x"), r.stdout


def test_pynq_driver_reads_the_status_word(bundles, tmp_path):
    r = run_pynq(bundles["zcu104"], tmp_path, "status")
    assert r.returncode == 1
    assert r.stdout.startswith("FAIL run 0: status word 0x00000001 (bit 0 AXI read error"), r.stdout


def run_devmem(bundle, tmp_path, mode):
    memfile = tmp_path / "physical_memory"
    ctrl_base = 0xA0000000
    with open(memfile, "wb") as f:
        f.truncate(ctrl_base + 0x10000)  # sparse: covers the buffer region and the control registers
    exe = tmp_path / "accel_host"
    subprocess.run(["gcc", "-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", '-DACCEL_DEVMEM_PATH="%s"' % memfile,
                    "-o", str(exe), str(bundle / "host" / "c" / "accel_host.c")], check=True)
    model = subprocess.Popen([sys.executable, str(HERE / "devmem_accelerator.py"), str(memfile),
                              str(bundle / "golden" / "golden.json"), hex(ctrl_base), mode])
    try:
        # Let the model mark the accelerator idle before the driver checks it.
        for _ in range(200):
            with open(memfile, "rb") as f:
                f.seek(ctrl_base)
                if f.read(4) == b"\x04\x00\x00\x00":
                    break
            subprocess.run(["sleep", "0.01"])
        r = subprocess.run([str(exe), str(bundle)], capture_output=True, text=True, timeout=60)
    finally:
        assert model.wait(timeout=30) == 0
    return r


def test_devmem_c_driver_against_a_memory_model(bundles, tmp_path):
    r = run_devmem(bundles["zcu104"], tmp_path, "ok")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("PASS c 64 bytes match c.bin\nrun time "), r.stdout


def test_devmem_c_driver_reads_the_status_word(bundles, tmp_path):
    r = run_devmem(bundles["zcu104"], tmp_path, "status")
    assert r.returncode == 1
    assert r.stdout.startswith("FAIL run 0: status word 0x00000002 (bit 0 AXI read error"), r.stdout


XRT_STUB = HERE.parents[1] / "fpga-boards" / "src" / "test" / "resources" / "xrt-stub"


def run_xrt(bundle, tmp_path, mode):
    exe = tmp_path / "host_xrt"
    subprocess.run(["g++", "-std=c++17", "-O1", "-Wall", "-Wextra", "-Werror", "-I", str(XRT_STUB),
                    "-I", str(bundle / "host" / "xrt"), "-o", str(exe), str(bundle / "host" / "xrt" / "host_xrt.cpp"),
                    str(HERE / "fake_xrt" / "fake_xrt.cpp")], check=True)
    xclbin = tmp_path / "kernel.xclbin"
    xclbin.write_bytes(b"stand-in")
    golden = __import__("json").loads((bundle / "golden" / "golden.json").read_text())["params"]
    env = dict(os.environ, FAKE_XRT_MODE=mode, FAKE_XRT_DIMS="%d,%d,%d" % (golden["rows"], golden["k"], golden["cols"]))
    return subprocess.run([str(exe), str(xclbin), str(bundle)], env=env, capture_output=True, text=True,
                          timeout=60)


def test_xrt_host_against_a_device_model(bundles, tmp_path):
    r = run_xrt(bundles["u280"], tmp_path, "ok")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("PASS c 128 bytes match c.bin\nrun time "), r.stdout
    r = run_xrt(bundles["u280"], tmp_path, "wrong")
    assert r.returncode == 1
    assert r.stdout.startswith("FAIL c byte 9 differs from c.bin\n"), r.stdout
    r = run_xrt(bundles["u280"], tmp_path, "status")
    assert r.returncode == 1
    assert r.stdout.startswith("FAIL run 0: status word 0x00000001 (bit 0 AXI read error"), r.stdout
