"""Time loading a generated matrix of N APIs: cold (YAML + schema + build) and warm (cache).

The baseline, run on the same files in the same run, is what a loader without a cache must pay
at least: PyYAML's C loader over every file, with no validation and no model.

    python3 benchmarks/load_matrix.py [--apis 1000] [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _timing import median_ms  # noqa: E402
from checker.kb import load_matrix  # noqa: E402


TYPICAL = """\
id: {api_id}
kind: api
category: generated/group-{group}
summary: {{en: Generated API {index} for the load benchmark., zh: 生成的接口 {index}}}
support:
  weapp:
    taro:
      - {{versions: "<3.0.0-0", status: unsupported, confidence: inferred, sources: [taro-types], note: not declared}}
      - {{versions: ">=3.0.0", status: supported, promise: true, confidence: verified, sources: [taro-types]}}
    runtime:
      - {{versions: "<2.{minor}.0", status: unsupported, confidence: official, sources: [wx-types]}}
      - {{versions: ">=2.{minor}.0", status: supported, confidence: official, sources: [wx-types]}}
  tt:
    taro:
      - {{versions: ">=3.3.0", status: supported, confidence: verified, sources: [taro-types]}}
  alipay:
    taro:
      - {{versions: ">=3.3.0", status: supported, confidence: verified, sources: [taro-types]}}
  h5:
    taro:
      - versions: ">=3.3.0"
        status: stub
        stub: {{development: rejects, production: resolves}}
        confidence: verified
        sources: [taro-types]
        note: temporarilyNotSupport
params:
  - {{name: url, type: string, required: true, confidence: official, sources: [wx-types]}}
  - {{name: timeout, type: number, required: false, default: 60000, confidence: official, sources: [wx-types]}}
sources:
  taro-types:
    package: "@tarojs/taro@4.2.1"
    file: "types/api/generated/{api_id}.d.ts"
    line: {line}
  wx-types:
    package: "miniprogram-api-typings@5.2.3"
    file: "types/wx/lib.wx.api.d.ts"
    line: {line}
"""
MINORS = (10, 11, 12, 13, 14, 16, 17, 20, 21, 24, 27, 30)  # base library lines present in the catalogue


def generate(target: Path, count: int) -> Path:
    """A matrix with the real platforms and catalogues and ``count`` APIs: one in fifty is a copy of
    the curated getUserProfile entry (21 KB), the rest are the size of an imported entry (about 1.5 KB)."""
    root = target / "matrix"
    for part in ("schema", "platforms", "catalogues", "usage"):
        shutil.copytree(REPO / "matrix" / part, root / part)
    shutil.copy(REPO / "matrix" / "_meta.yaml", root / "_meta.yaml")
    (root / "apis").mkdir()
    template = (REPO / "matrix" / "apis" / "getUserProfile.yaml").read_text(encoding="utf-8")
    # keep references resolvable: generated APIs point at nothing else
    body = "\n".join(
        line for line in template.splitlines() if not line.startswith(("replaced_by:", "see_also:"))
    )
    body = body.replace("    replacement: [button.open-type.chooseAvatar, input.type.nickname]\n", "")
    body = body.replace("    alternatives: [getOpenUserInfo]\n", "")
    for index in range(count):
        api_id = f"generatedApi{index:04d}"
        if index % 50 == 0:
            text = body.replace("id: getUserProfile", f"id: {api_id}", 1) + "\n"
        else:
            minor = MINORS[index % len(MINORS)]
            text = TYPICAL.format(api_id=api_id, index=index, group=index % 20, minor=minor, line=1000 + index)
        (root / "apis" / f"{api_id}.yaml").write_text(text, encoding="utf-8")
    return root



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apis", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        root = generate(base, args.apis)
        files = sorted(root.rglob("*.yaml"))
        size = sum(f.stat().st_size for f in files)

        def plain_yaml() -> None:
            for file in files:
                yaml.load(file.read_bytes(), Loader=yaml.CSafeLoader)

        counter = iter(range(10**6))

        def cold() -> None:  # a fresh cache dir each time: parse, validate, build, write the cache
            load_matrix(root, cache_dir=base / f"cold-{next(counter)}")

        def warm() -> None:
            matrix = load_matrix(root, cache_dir=base / "warm")
            matrix.api("generatedApi0000")  # what a check does: build the APIs it needs

        load_matrix(root, cache_dir=base / "warm")  # fill the cache
        cold_runs = max(3, args.runs // 5)
        baseline = median_ms(plain_yaml, cold_runs)
        cold_ms = median_ms(cold, cold_runs)
        warm_ms = median_ms(warm, args.runs)
        print(f"matrix: {args.apis} APIs, {len(files)} files, {size / 1e6:.1f} MB of YAML")
        print(f"baseline  yaml.CSafeLoader over every file : {baseline:8.1f} ms")
        print(f"cold load (YAML + schema + build + cache)  : {cold_ms:8.1f} ms  = {cold_ms / baseline:5.2f}x baseline")
        print(f"warm load (stat fingerprint + cache index): {warm_ms:8.1f} ms  = {warm_ms / baseline:5.3f}x baseline"
              f"  ({baseline / warm_ms:.0f}x faster)")
        print(f"target: warm load under 50 ms -> {'met' if warm_ms < 50 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
