"""No default command opens a network connection; outputs are written atomically."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures import SEED

pytestmark = [pytest.mark.slow, pytest.mark.index]  # `geo map` subprocesses


def geo_map(out: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    cmd = [*prefix, sys.executable, "-m", "geo.cli", "map", str(SEED), "-o", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) not installed")
def test_geo_map_in_a_network_namespace_gives_the_same_bytes(tmp_path):
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this kernel does not allow unprivileged network namespaces")
    normal, isolated = tmp_path / "normal.html", tmp_path / "isolated.html"
    assert geo_map(normal).returncode == 0
    done = geo_map(isolated, "unshare", "-rn")  # a namespace with no interfaces: any connection fails
    assert done.returncode == 0, done.stderr
    assert isolated.read_bytes() == normal.read_bytes()


def test_a_run_killed_mid_write_leaves_the_previous_map_intact(tmp_path):
    out = tmp_path / "seed.html"
    assert geo_map(out).returncode == 0
    before = out.read_bytes()
    # Kill runs at increasing delays; whatever moment the kill lands, the file is the old one or a whole new one.
    for delay in (0.5, 2.0, 3.5, 5.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "geo.cli", "map", str(SEED), "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_bytes() == before
    # Interrupted runs leave at most hidden temporary files, never a half-written map under the real name.
    assert all(p.startswith(".") for p in os.listdir(tmp_path) if p != out.name)
