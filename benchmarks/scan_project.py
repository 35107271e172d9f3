"""Time the source scan of a 5,000-file synthetic project, cold and warm, against ripgrep.

The baseline, in the same run over the same tree: `rg` counting the API names the matrix knows
(`rg -c -F -e getUserProfile -e login ...`). Ours: the scan `taro-compat check` runs (file walk,
byte pre-filter, tree-sitter parse, bindings and guards, on both cores), first with an empty cache
(cold), then with the cache of the first run (warm). Peak memory is the largest resident set of this
process and of the scan's worker processes.

    python3 benchmarks/scan_project.py [--files 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic_project import build_project  # noqa: E402

from _timing import timed_ms  # noqa: E402
from checker.scan.files import source_files  # noqa: E402
from checker.scan.runner import ScanOptions, scan_files  # noqa: E402

from checker.kb import load_matrix  # noqa: E402

MATRIX = load_matrix(REPO / "matrix")
# exactly what `taro-compat check` passes: the platforms' globals and env values, the matrix's names
OPTIONS = ScanOptions(
    globals_=frozenset(p.native_global for p in MATRIX.platforms.values() if p.native_global),
    env_values=frozenset(p.taro_env for p in MATRIX.platforms.values()),
    names=frozenset(api_id.rsplit(".", 1)[-1] for api_id in MATRIX.api_ids()),
)



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("rg") is None:
        print("ripgrep (rg) is needed for the baseline: apt-get install ripgrep")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        counts = build_project(root, args.files)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        rg = ["rg", "-c", "--no-messages", "-F"] + [arg for name in sorted(OPTIONS.names) for arg in ("-e", name)] + [str(root / "src")]
        rg_ms = statistics.median(timed_ms(lambda: subprocess.run(rg, capture_output=True)) for _ in range(args.runs))

        def scan(cache: Path):  # type: ignore[no-untyped-def]
            files, _ = source_files(root)
            return scan_files(files, OPTIONS, cache_path=cache, jobs=2)

        colds, warms = [], []
        for run in range(args.runs):
            cache = Path(scratch) / f"cache-{run}.json"
            colds.append(timed_ms(lambda: scan(cache)))
            warms.append(timed_ms(lambda: scan(cache)))
        result = scan(Path(scratch) / "cache-0.json")
        sites = sum(len(f.call_sites) for f in result.files)
        known = sum(1 for f in result.files for s in f.call_sites if s.api in MATRIX)
        cold_ms, warm_ms = statistics.median(colds), statistics.median(warms)
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"project: {counts['files']} files, {counts['lines']:,} lines, {size / 1e6:.1f} MB; "
              f"{counts['taro_files']} import Taro; {known} call sites of APIs the matrix knows ({len(MATRIX)} entries); {sites} reported in all")
        print(f"baseline  rg -c -F (the API names)      : {rg_ms:8.1f} ms")
        print(f"scan cold (empty cache, 2 workers)      : {cold_ms:8.1f} ms = {cold_ms / rg_ms:5.2f}x rg   (target 3x)")
        print(f"scan warm (cache of the previous run)   : {warm_ms:8.1f} ms = {warm_ms / rg_ms:5.2f}x rg   (target 1x)")
        print(f"peak RSS: this process {peak_self:.0f} MB, largest worker {peak_children:.0f} MB   (target 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
