"""The unknown share of the (API x platform x Taro line) grid, for two matrix folders (before / after).

    python benchmarks/runtime_grid.py MATRIX_BEFORE MATRIX_AFTER

One Taro version per minor line (its last stable release in the catalogue, from 1.3 on); every API the
matrix knows; every platform except harmony-hybrid (no Taro package of its own was read). A cell is
the verdict of a call through Taro at that version, the runtime version not given (so the Taro axis
decides; on platforms without a runtime catalogue a forwarded API takes native presence). Prints the
share of unknown cells, overall and per platform, and the share where the Taro axis itself has no statement
(what Taro's shipped code decides).
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
_META = ("taro-axis-unknown", "no-package-cells")


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
        column: Counter[str] = Counter()  # Taro-axis unknowns per version
        for api_id in apis:
            api = matrix.api(api_id) if api_id in matrix else None
            for version in versions:
                if api is None:
                    tally["unknown"] += 1
                    continue
                resolution = resolve(api, platform, taro=TaroVersion.parse(version), has_runtime_axis=has_runtime)
                tally[(resolution.verdict or Status.UNKNOWN).value] += 1
                taro_axis = resolution.axes[0].statement if resolution.axes else None
                missing = taro_axis is None or taro_axis.status is Status.UNKNOWN
                tally["taro-axis-unknown"] += missing
                column[version] += missing
        # a version at which (nearly) every API is unknown on the Taro axis: no package of that line was published for the
        # platform (taro-jd starts at 2.0.6, taro-rn skips 3.0 and 3.1, the 4.2.1 plugins exist for weapp and h5 only)
        tally["no-package-cells"] = sum(n for n in column.values() if n >= 0.95 * len(apis))
        counts[platform] = tally
    return counts


def main() -> int:
    before, after = (load_matrix(Path(p), use_cache=False) for p in sys.argv[1:3])
    apis = sorted(set(before.api_ids()) | set(after.api_ids()))
    versions = lines(after)
    print(f"{len(apis)} APIs x {len(set(after.platforms) - SKIP)} platforms x {len(versions)} Taro lines ({', '.join(versions)})")
    for name, matrix in (("before", before), ("after", after)):
        counts = grid(matrix, apis, versions)
        total = sum(sum(v for k, v in c.items() if k not in _META) for c in counts.values())
        unknown = sum(c["unknown"] for c in counts.values())
        taro_unknown = sum(c["taro-axis-unknown"] for c in counts.values())
        no_package = sum(c["no-package-cells"] for c in counts.values())
        print(f"{name}: {unknown}/{total} cells unknown ({100 * unknown / total:.1f}%); Taro axis (what Taro's code decides) "
              f"unknown in {taro_unknown} ({100 * taro_unknown / total:.1f}%); leaving out the {no_package} cells of lines with no "
              f"package for the platform: {100 * (taro_unknown - no_package) / max(total - no_package, 1):.1f}%")
        for platform, tally in counts.items():
            cells = sum(v for k, v in tally.items() if k not in _META)
            print(f"  {platform:7} unknown {100 * tally['unknown'] / cells:5.1f}% (Taro axis {100 * tally['taro-axis-unknown'] / cells:5.1f}%)  "
                  + " ".join(f"{k} {v}" for k, v in sorted(tally.items()) if k not in _META))
    return 0


if __name__ == "__main__":
    sys.exit(main())
