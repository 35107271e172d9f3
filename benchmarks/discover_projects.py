"""Time project discovery in a 200-package monorepo against `find` over the same tree.

Each package has a package.json that depends on @tarojs/taro, a src/ folder of sources and a
node_modules/ folder (which discovery must skip: find is told to prune it too).

    python3 benchmarks/discover_projects.py [--packages 200] [--runs 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _timing import median_ms  # noqa: E402
from checker.project.discover import discover  # noqa: E402

MANIFEST = '{"name": "p%d", "dependencies": {"@tarojs/taro": "^3.6.8", "react": "^18.2.0"}}\n'


def build(root: Path, packages: int) -> None:
    (root / "package.json").write_text('{"name": "root", "private": true}\n')
    for index in range(packages):
        package = root / "packages" / f"p{index:03d}"
        (package / "src" / "pages").mkdir(parents=True)
        (package / "package.json").write_text(MANIFEST % index)
        for page in range(10):
            (package / "src" / "pages" / f"page{page}.tsx").write_text("export default () => null\n")
        dependency = package / "node_modules" / "dep"
        dependency.mkdir(parents=True)
        (dependency / "package.json").write_text('{"dependencies": {"@tarojs/taro": "^3.0.0"}}\n')



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        build(root, args.packages)
        found = discover(root)
        assert len(found) == args.packages, len(found)
        command = ["find", str(root), "-name", "node_modules", "-prune", "-o", "-name", "package.json", "-print"]
        baseline = median_ms(lambda: subprocess.run(command, check=True, capture_output=True), args.runs)
        ours = median_ms(lambda: discover(root), args.runs)
        print(f"{args.packages} packages, {sum(1 for _ in root.rglob('*'))} paths")
        print(f"baseline  find -prune node_modules -name package.json : {baseline:7.1f} ms")
        print(f"discover (reads and parses each package.json)       : {ours:7.1f} ms = {ours / baseline:.2f}x find")
        print(f"target: under 1 s -> {'met' if ours < 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
