"""A run killed mid-write leaves the previous report and a usable cache (SIGKILL, as CI timeouts do)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO

DEMO = REPO / "examples" / "demo-shop"


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "TARO_COMPAT_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}


def test_sigkill_during_report_writes_leaves_a_whole_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "checker", "check", str(DEMO), "--format", "json", "--output", str(report)]
    subprocess.run(command, env=_env(cache), capture_output=True, check=False)
    previous = report.read_bytes()
    assert json.loads(previous)["format_version"] == 2
    # kill fresh runs at many moments, from start-up to the final rename
    for delay in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        process = subprocess.Popen(command, env=_env(cache), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert json.loads(report.read_bytes())["format_version"] == 2  # old or new: always whole
    done = subprocess.run(command, env=_env(cache), capture_output=True, check=False)
    assert done.returncode == 1 and json.loads(report.read_bytes())["summary"] == json.loads(previous)["summary"]


def test_sigkill_during_a_cold_load_leaves_a_usable_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "checker", "query", "api", "getUserProfile", "--platform", "h5", "--taro", "3.6.26", "--format", "json"]
    for delay in (0.3, 0.6, 0.9, 1.2):
        process = subprocess.Popen(command, env=_env(cache), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
    done = subprocess.run(command, env=_env(cache), capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["verdict"] == "stub"
    assert len(list(cache.glob("matrix-*.cache"))) == 1
