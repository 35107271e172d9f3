"""Fetch the Taro packages `kb import taro-runtime` reads into a cache folder (a maintainer's tool).

    python benchmarks/taro_runtime_fetch.py CACHE [--bisect]

Packs (``npm pack``) the first and last stable release of each Taro minor line of every package that
decides which ``Taro.X`` exists (see the importer's docstring), unpacks each into
``CACHE/pkg/<name>@<version>/``; with ``--bisect`` it then reads the facts of each line's two ends
with the importer's own readers and packs the middle release wherever they differ, until the change
is pinned between two neighbouring published releases. Only published versions are ever packed
(``npm view <pkg> versions``): a version that was never published is no gap. Network use: the npm
registry through its own client only. Prints how many tarballs were read.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

# package -> the Taro minor lines in which it decides facts (the importer's docstring says which file)
PACKAGES = {
    "@tarojs/taro": ("1.3", "2.0", "2.1", "2.2", "3.0"),
    "@tarojs/api": ("3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.0", "4.1", "4.2"),
    "@tarojs/shared": ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.0", "4.1", "4.2"),
    "@tarojs/taro-weapp": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/taro-alipay": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/taro-tt": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/taro-swan": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/taro-qq": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/taro-jd": ("2.0",),
    "@tarojs/taro-h5": ("1.3", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.0", "4.1", "4.2"),
    "@tarojs/plugin-platform-h5": ("3.6", "4.0", "4.1", "4.2"),
    "@tarojs/taro-router-rn": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/router": ("1.3", "2.0", "2.1", "2.2"),
    "@tarojs/plugin-framework-react": ("3.5", "3.6", "4.0", "4.1", "4.2"),
    "@tarojs/taro-rn": ("1.3", "2.0", "2.1", "2.2", "3.2", "3.3", "3.4", "3.5", "3.6", "4.0", "4.1", "4.2"),
    **{f"@tarojs/plugin-platform-{p}": ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.0", "4.1", "4.2")
       for p in ("weapp", "alipay", "tt", "swan", "qq", "jd")},
    "@tarojs/cli": ("3.1", "3.2"),  # its package.json pins the platform plugins it installs
}
RUNTIME_TYPINGS = {"@mini-types/my": "3.0.14", "@douyin-microapp/typings": "1.3.1"}
_STABLE = re.compile(r"\d+\.\d+\.\d+")


def published(name: str) -> list[str]:
    out = subprocess.run(["npm", "view", name, "versions", "--json"], check=True, capture_output=True, text=True).stdout
    return [v for v in json.loads(out) if _STABLE.fullmatch(v)]


def unpack(cache: Path, name: str, version: str) -> Path:
    target = cache / "pkg" / f"{name.replace('/', '+')}@{version}"
    if (target / "package" / "package.json").is_file():
        return target
    tgz = cache / "tgz"
    tgz.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=tgz, check=True, capture_output=True, text=True)
    with tarfile.open(tgz / out.stdout.strip().splitlines()[-1]) as archive:
        archive.extractall(target, filter="data")
    return target


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("--bisect", action="store_true")
    args = parser.parse_args()
    folders = []
    for name, lines in PACKAGES.items():
        versions = published(name)
        for line in lines:
            in_line = [v for v in versions if v.startswith(line + ".")]
            if not in_line:
                continue
            ends = sorted({in_line[0], in_line[-1]}, key=in_line.index)
            folders += [unpack(args.cache, name, v) for v in ends]
            if args.bisect and len(ends) == 2:
                folders += bisect(args.cache, name, in_line)
    for name, version in RUNTIME_TYPINGS.items():
        folders.append(unpack(args.cache, name, version))
    readable = sorted({str(f) for f in folders if _readable(f)})
    (args.cache / "import-list.txt").write_text("\n".join(readable) + "\n", encoding="utf-8")
    print(f"{len(set(folders))} package folder(s) in {args.cache / 'pkg'}; {len(readable)} the importer reads "
          f"(listed in {args.cache / 'import-list.txt'})")
    return 0


def _readable(folder: Path) -> bool:
    """Early releases without the file a reader needs (plugin-platform-h5 before definition.json) are left out."""
    from checker.importers.runtime_read import PackageError, read_package

    try:
        read_package(folder)
    except PackageError as error:
        print(f"skipped: {error}", file=sys.stderr)
        return False
    return True


def bisect(cache: Path, name: str, versions: list[str]) -> list[Path]:
    """Pack middles wherever the facts read from two releases differ."""
    from checker.importers.runtime_read import PackageError, package_facts

    def facts(version: str) -> object:
        try:
            return package_facts(unpack(cache, name, version))
        except PackageError:
            return None

    found: list[Path] = []
    stack = [(0, len(versions) - 1)]
    while stack:
        low, high = stack.pop()
        if high - low < 2 or facts(versions[low]) == facts(versions[high]):
            continue
        middle = (low + high) // 2
        found.append(unpack(cache, name, versions[middle]))
        stack += [(low, middle), (middle, high)]
    return found


if __name__ == "__main__":
    sys.exit(main())
