"""Time building the site from a generated matrix of 1,000 APIs, on one core, against the time to
copy the same number of files (the floor of writing a site of that size).

    python3 benchmarks/build_site.py [--apis 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _timing import timed_ms  # noqa: E402
from load_matrix import generate  # noqa: E402

from checker.kb import load_matrix  # noqa: E402
from checker.render.site import build_site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apis", type=int, default=1000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        matrix = load_matrix(generate(base, args.apis), cache_dir=base / "cache")
        cpu_start = time.process_time()
        build_ms = timed_ms(lambda: build_site(matrix, base / "site"))
        cpu_ms = (time.process_time() - cpu_start) * 1000  # what the build costs even on a busy machine
        pages = sorted((base / "site").rglob("*.html"))
        size = sum(p.stat().st_size for p in pages)
        copy_ms = timed_ms(lambda: shutil.copytree(base / "site", base / "copy"))
        print(f"{args.apis} APIs: {len(pages)} pages, {size / 1e6:.1f} MB, one core")
        print(f"baseline  copying the built site : {copy_ms:8.1f} ms")
        print(f"build_site                       : {build_ms:8.1f} ms = {build_ms / copy_ms:.0f}x the copy   (target under 5 s)")
        print(f"build_site, CPU time             : {cpu_ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
