"""End to end: `taro-compat check` on the 5,000-file synthetic project with the full matrix, as a
user runs it (a new process: start-up, matrix load, walk, scan, evaluation, JSON report), cold and
warm, beside ripgrep over the same tree in the same run.

    python3 benchmarks/check_project.py [--files 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _timing import median_ms, timed_ms  # noqa: E402
from synthetic_project import build_project  # noqa: E402

from checker.kb import load_matrix  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("rg") is None:
        print("ripgrep (rg) is needed for the baseline: apt-get install ripgrep")
        return 2
    names = sorted({api_id.rsplit(".", 1)[-1] for api_id in load_matrix(REPO / "matrix").api_ids()})
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        build_project(root, args.files)
        rg = ["rg", "-c", "--no-messages", "-F", *[a for n in names for a in ("-e", n)], str(root / "src")]
        rg_ms = median_ms(lambda: subprocess.run(rg, capture_output=True), args.runs)
        check = [sys.executable, "-m", "checker", "check", str(root), "--format", "json", "--output", str(Path(scratch) / "r.json")]
        colds, warms = [], []
        for run in range(args.runs):
            env = {**os.environ, "TARO_COMPAT_CACHE_DIR": str(Path(scratch) / f"cache-{run}")}
            colds.append(timed_ms(lambda: subprocess.run(check, env=env, capture_output=True)))
            warms.append(timed_ms(lambda: subprocess.run(check, env=env, capture_output=True)))
        version_ms = median_ms(lambda: subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True), 5)
        colds.sort(), warms.sort()
        cold, warm = colds[len(colds) // 2], warms[len(warms) // 2]
        print(f"{args.files} files; matrix of {len(names)} names; every time a new process")
        print(f"baseline  rg -c -F (the names)            : {rg_ms:8.1f} ms")
        print(f"check, cold caches (matrix and scan)     : {cold:8.1f} ms = {cold / rg_ms:5.1f}x rg")
        print(f"check, warm caches                       : {warm:8.1f} ms = {warm / rg_ms:5.1f}x rg")
        print(f"taro-compat --version                    : {version_ms:8.1f} ms   (target 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
