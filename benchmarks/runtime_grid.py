"""The unknown share of the (API x platform x Taro line) grid, for two matrix folders (before / after).

    python benchmarks/runtime_grid.py MATRIX_BEFORE MATRIX_AFTER

One Taro version per minor line (its last stable release in the catalogue, from 1.3 on); every API the
matrix knows; every platform except harmony-hybrid (no Taro package of its own was read). A cell is
the verdict of a call through Taro at that version, the runtime version not given (so the Taro axis
decides; on platforms without a runtime catalogue a forwarded API takes native presence). Prints the
share of unknown cells, overall and per platform.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from checker.kb import load_matrix
from checker.model import Matrix, Status
from checker.support import resolve
from checker.versions import TaroVersion

SKIP = {"harmony-hybrid"}


def lines(matrix: Matrix) -> list[str]:
    last: dict[str, str] = {}
    for version in matrix.taro_catalogue().versions:
        text = version.text
        if "-" in text or TaroVersion.parse(text) < TaroVersion.parse("1.3.0"):
            continue
        last[".".join(text.split(".")[:2])] = text
    return list(last.values())


def grid(matrix: Matrix, apis: list[str], versions: list[str]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for platform in sorted(set(matrix.platforms) - SKIP):
        has_runtime = matrix.platforms[platform].runtime is not None
        tally: Counter[str] = Counter()
        for api_id in apis:
            api = matrix.api(api_id) if api_id in matrix else None
            for version in versions:
                if api is None:
                    tally["unknown"] += 1
                    continue
                verdict = resolve(api, platform, taro=TaroVersion.parse(version), has_runtime_axis=has_runtime).verdict
                tally[(verdict or Status.UNKNOWN).value] += 1
        counts[platform] = tally
    return counts


def main() -> int:
    before, after = (load_matrix(Path(p), use_cache=False) for p in sys.argv[1:3])
    apis = sorted(set(before.api_ids()) | set(after.api_ids()))
    versions = lines(after)
    print(f"{len(apis)} APIs x {len(set(after.platforms) - SKIP)} platforms x {len(versions)} Taro lines ({', '.join(versions)})")
    for name, matrix in (("before", before), ("after", after)):
        counts = grid(matrix, apis, versions)
        total = sum(sum(c.values()) for c in counts.values())
        unknown = sum(c["unknown"] for c in counts.values())
        print(f"{name}: {unknown}/{total} unknown ({100 * unknown / total:.1f}%)")
        for platform, tally in counts.items():
            cells = sum(tally.values())
            print(f"  {platform:7} unknown {100 * tally['unknown'] / cells:5.1f}%  " + " ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
