"""Spot-check the computed Taro axis against the package files by a second, cruder method (plain text).

    python benchmarks/runtime_spotcheck.py CACHE/pkg [N] [SEED] [MATRIX]

Draws N random (API, platform, Taro version) cells among the versions whose packages are in the cache,
and decides each from the files with string searches, not the importer's syntax-tree readers:
mini-program platforms before 3.3, the name appears as a key in the fixed lists (``name: true`` or
``'name'``) or is assigned on taro; from 3.3 the statement must say forwarded, added by modifyApis, or
framework; H5, the bundle has ``exports.name =`` / ``name:`` in its default object, and a stub is bound by
``temporarilyNotSupport('name')``; React Native 3.x, the name is in libList/apiList, and a stub re-exports
from ``../unsupportedApi``. Prints the cells where the two disagree and the share.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from checker.kb import load_matrix
from checker.resources import matrix_root
from checker.support import statement_for
from checker.versions import TaroVersion

MINI = ("weapp", "alipay", "tt", "swan", "qq", "jd")


def text(cache: Path, package: str, version: str, *files: str) -> str | None:
    root = cache / f"{package.replace('/', '+')}@{version}" / "package"
    parts = [(root / f).read_text(encoding="utf-8", errors="replace") for f in files if (root / f).is_file()]
    return "\n".join(parts) if parts else None


def expected(cache: Path, api: str, platform: str, version: str) -> str | None:
    """supported | stub | partial | unsupported | forwarded, or None when the files are not in the cache."""
    v = TaroVersion.parse(version)
    key = re.compile(rf"(^|[\s{{,'\"]){re.escape(api)}['\"]?\s*[:,\]]", re.M)
    if platform in MINI:
        if v >= TaroVersion.parse("3.3.0"):
            return "forwarded"
        if v < TaroVersion.parse("3.0.0"):
            lists = text(cache, "@tarojs/taro", version, "src/native-apis.js")
            setup = text(cache, f"@tarojs/taro-{platform}", version, "src/native-api.js")
            index = text(cache, "@tarojs/taro", version, "src/index.js") or ""
            if setup is not None and re.search(rf"^\s+{re.escape(api)},?$", index, re.M):
                return "supported"  # exported by @tarojs/taro itself (hooks, getEnv ...)
        elif v < TaroVersion.parse("3.1.0"):
            lists = text(cache, "@tarojs/api", version, "dist/index.js")
            setup = text(cache, "@tarojs/taro", version, f"lib/{'wx' if platform == 'weapp' else platform}.js")
        else:
            lists = text(cache, "@tarojs/shared", version, "dist/shared.esm.js")
            plugin = text(cache, f"@tarojs/plugin-platform-{platform}", version, "dist/runtime-utils.js", "dist/runtime.js")
            setup = plugin
            api_text = text(cache, "@tarojs/api", version, "dist/index.js")
            if lists is None or plugin is None or api_text is None:
                return None
            lists = lists + plugin
            setup = (setup or "") + api_text
        if lists is None or setup is None:
            return None
        return "supported" if key.search(lists) or re.search(rf"\btaro\.{re.escape(api)}\s*=", setup) else "unsupported"
    if platform == "h5":
        bundle = text(cache, "@tarojs/taro-h5", version, "dist/index.cjs.js")
        if bundle is None or v < TaroVersion.parse("3.0.0"):
            return None  # 1.x-2.x page APIs come from @tarojs/router at run time
        if re.search(rf"^(?:const|var|let) {re.escape(api)}\s*=\s*(/\* @__PURE__ \*/ )?(temporarilyNotSupport|permanentlyNotSupport)\(", bundle, re.M):
            return "stub"
        if re.search(rf"^exports\.{re.escape(api)} = ", bundle, re.M) or re.search(rf"^\s+{re.escape(api)}(: [\w.]+)?,?$", bundle, re.M):
            return "supported-or-partial"
        plugin = text(cache, "@tarojs/plugin-platform-h5", version, "dist/runtime/apis/index.js")
        if plugin and re.search(rf"export \{{ {re.escape(api)} \}}", plugin):
            return "supported-or-partial"
        return "unsupported"
    if platform == "rn":
        lists = text(cache, "@tarojs/taro-rn", version, "apiList.js", "libList.js")
        if lists is None:
            return None
        if f"'{api}'" not in lists:
            return "unsupported"
        index = text(cache, "@tarojs/taro-rn", version, f"dist/lib/{api}/index.js")
        return "stub" if index and "unsupportedApi" in index else "supported-or-partial"
    return None


def main() -> int:
    cache = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261201)
    matrix = load_matrix(Path(sys.argv[4]) if len(sys.argv) > 4 else matrix_root())
    versions = sorted({p.name.split("@")[-1] for p in cache.iterdir() if p.name.startswith("@tarojs+taro@") or p.name.startswith("@tarojs+shared@")},
                      key=TaroVersion.parse)
    apis = [a for a in matrix.api_ids() if "." not in a]
    checked = wrong = unknown = 0
    attempts = 0
    while checked < count and attempts < count * 50:
        attempts += 1
        api, platform, version = rng.choice(apis), rng.choice((*MINI, "h5", "rn")), rng.choice(versions)
        truth = expected(cache, api, platform, version)
        if truth is None:
            continue
        checked += 1
        support = matrix.api(api).support.get(platform)
        statement = statement_for(support.taro, TaroVersion.parse(version)) if support else None
        if statement is None:
            unknown += 1
            print(f"unknown  {api} {platform} {version} (code: {truth})")
            continue
        mine = statement.status.value
        if truth == "forwarded":
            ok = bool(statement.forwarded or statement.framework) or "modifyApis" in str(statement.note) or mine == "unsupported"
        elif truth == "supported-or-partial":
            ok = mine in ("supported", "partial")
        else:
            ok = mine == truth or (truth == "supported" and mine == "partial")
        if not ok:
            wrong += 1
            print(f"differs  {api} {platform} {version}: matrix {mine} ({statement.versions}), text search {truth}")
    print(f"{checked} cells checked: {unknown} unknown ({100 * unknown / max(checked, 1):.1f}%), {wrong} differ ({100 * wrong / max(checked, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
