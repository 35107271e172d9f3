"""The long fuzz run: the property tests of tests/property with many more examples.

    python3 fuzz/run.py [--examples 5000]

Prints, per property, the inputs tried and what failed; the figures go into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "property"))



class _Folders:
    """Stands in for pytest's tmp_path_factory outside pytest."""

    def __init__(self, base: Path) -> None:
        self.base, self.count = base, 0

    def mktemp(self, name: str) -> Path:
        self.count += 1
        folder = self.base / f"{name}{self.count}"
        folder.mkdir()
        return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    os.environ["TARO_COMPAT_FUZZ_EXAMPLES"] = str(args.examples)
    import test_fuzz_readers as properties  # the example count is read when the module loads

    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        folders = _Folders(Path(scratch))
        for name in sorted(n for n in dir(properties) if n.startswith("test_")):
            test = getattr(properties, name)
            start = time.perf_counter()
            try:
                test(folders) if "tmp_path_factory" in test.hypothesis.inner_test.__code__.co_varnames else test()
                outcome = "no failure"
            except Exception as error:  # a property failed: report it, go on with the others
                failures += 1
                outcome = f"FAILED: {type(error).__name__}: {str(error)[:300]}"
            print(f"{name}: {args.examples} inputs in {time.perf_counter() - start:.1f} s: {outcome}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
