"""Whole-project analysis end to end, on a small matrix built here: wrapper libraries, natives the
matrix does not list, getEnv() and imported guards, platform files."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

from checker.api import check
from checker.kb import load_matrix
from checker.render.words import word
from conftest import MINIMAL_API

WRAPPER = """\
id: fake-hooks@1
package: fake-hooks
versions: ">=1.2.0 <2.0.0"
confidence: verified
sources:
  es:
    package: "fake-hooks@1.2.3"
    file: "es/index.js"
exports:
  useSample:
    - {api: sample, platforms: [weapp], file: "es/useSample/index.js", line: 7}
  useAnywhere:
    - {api: sample, file: "es/useAnywhere/index.js", line: 3}
  useTested:
    - {api: sample, tested: true, file: "es/useTested/index.js", line: 9}
"""


def project(root: Path, files: dict[str, str], *, hooks: str = "1.2.3") -> Path:
    package = {"name": "p", "dependencies": {"@tarojs/taro": "3.6.26", "fake-hooks": hooks}, "taroCompat": {"targets": "weapp >= 2.10.4, h5"}}
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps(package), encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def errors(root: Path, matrix_root: Path) -> list[tuple[str, int, str, tuple[str, ...]]]:
    (result,) = check(root, matrix=load_matrix(matrix_root), today=date(2026, 1, 1))
    return sorted((f.file or "", f.line, f.code, f.platform_ids) for f in result.findings if f.severity == "error")


def test_wrapper_library_exports_are_call_sites(tmp_path: Path, make_matrix: Callable[..., Path]) -> None:
    matrix = make_matrix(extra={"wrappers/fake-hooks@1.yaml": WRAPPER})
    root = project(tmp_path / "p", {"src/a.tsx": """\
        import { useSample, useAnywhere, useTested as tested } from 'fake-hooks'
        export function A() {
          useSample()
          useAnywhere()
          tested()
          return null
        }
        """})
    (result,) = check(root, matrix=load_matrix(matrix), today=date(2026, 1, 1))
    assert [(u.site.line, u.site.callee, u.site.wrapper, [g.kind for g in u.site.guards]) for u in result.call_sites] == [
        (3, "useSample", "fake-hooks@1.2.3 useSample", ["library_env"]),
        (4, "useAnywhere", "fake-hooks@1.2.3 useAnywhere", []),
        (5, "tested", "fake-hooks@1.2.3 useTested", ["exists"]),
    ]
    # the sample API has no h5 data: unknown, never an error; weapp >= 2.10.4 has it
    assert errors(root, matrix) == []


def test_a_wrapper_record_applies_only_to_its_versions(tmp_path: Path, make_matrix: Callable[..., Path]) -> None:
    matrix = make_matrix(extra={"wrappers/fake-hooks@1.yaml": WRAPPER})
    root = project(tmp_path / "p", {"src/a.ts": "import { useSample } from 'fake-hooks'\nuseSample()\n"}, hooks="^2.0.0")
    (result,) = check(root, matrix=load_matrix(matrix), today=date(2026, 1, 1))
    assert result.call_sites == ()


def test_native_calls_the_matrix_does_not_list_are_judged_on_the_global(tmp_path: Path, make_matrix: Callable[..., Path]) -> None:
    matrix = make_matrix()
    root = project(tmp_path / "p", {
        "src/a.js": """\
            my.scan({})
            if (process.env.TARO_ENV === 'alipay') my.scan({})
            if (typeof my !== 'undefined') my.scan({})
            wx.notListed()
            // taro-compat-ignore notListed -- only on WeChat
            wx.notListed()
            """,
        "src/only.weapp.js": "wx.notListed()\n",
    })
    assert errors(root, matrix) == [
        ("src/a.js", 1, "TC111", ("h5", "weapp")),
        ("src/a.js", 4, "TC111", ("h5",)),
    ]
    (result,) = check(root, matrix=load_matrix(matrix), today=date(2026, 1, 1))
    assert [word(f) for f in result.findings if f.code == "TC111"] == [
        "my.scan: there is no my on h5 (it has no native global), weapp (its global is wx); keep this code to its platform",
        "wx.notListed: there is no wx on h5 (it has no native global); keep this code to its platform",
    ]


def test_findings_say_how_the_call_is_reached(tmp_path: Path, make_matrix: Callable[..., Path]) -> None:
    older = '    runtime:\n      - versions: "<2.10.4"\n        status: unsupported\n        confidence: official\n        sources: [doc]\n'
    assert "    runtime:\n" in MINIMAL_API
    matrix = make_matrix({"sample": MINIMAL_API.replace("    runtime:\n", older, 1)}, extra={"wrappers/fake-hooks@1.yaml": WRAPPER})
    root = project(tmp_path / "p", {
        "src/a.ts": "import { useSample } from 'fake-hooks'\nuseSample()\n",
        "src/auth.ts": "import Taro from '@tarojs/taro'\nexport function login() { Taro.sample() }\n",
        "src/b.ts": "import Taro from '@tarojs/taro'\nimport { login } from './auth'\nif (Taro.canIUse('sample')) login()\nlogin()\n",
    })
    (result,) = check(root, targets="weapp >= 2.9.0", matrix=load_matrix(matrix), today=date(2026, 1, 1))
    errors = sorted((f for f in result.findings if f.severity == "error"), key=lambda f: (f.file or "", f.line))
    assert [(f.file, f.line, f.code) for f in errors] == [("src/a.ts", 2, "TC102"), ("src/auth.ts", 2, "TC102")]
    messages = [word(f) for f in errors]
    assert messages[0].endswith(" (through fake-hooks@1.2.3 useSample)")
    assert messages[1].endswith(" (in login, called from src/b.ts:4)")
    assert [f.args.get("caller") for f in result.findings if f.file == "src/auth.ts" and f.code == "TC120"] == ["src/b.ts:3"]
