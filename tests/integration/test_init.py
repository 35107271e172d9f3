"""`taro-compat init`: the declaration written from the evidence, and what it refuses to do."""

from __future__ import annotations

import io
import json
from pathlib import Path

from checker.cli import main

PACKAGE = {"name": "app", "scripts": {"build:weapp": "taro build --type weapp", "build:h5": "cross-env X=1 taro build --type h5"},
           "dependencies": {"@tarojs/taro": "3.6.26"}}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def project(root: Path, package: dict[str, object] | None = None, indent: int | str = 2) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps(package or PACKAGE, indent=indent) + "\n")
    (root / "project.config.json").write_text('{\n  "appid": "wx0123456789abcdef"\n}\n')
    return root


def test_init_writes_the_guessed_targets_and_says_so(tmp_path: Path) -> None:
    root = project(tmp_path / "app", indent="\t")
    code, out, err = run("init", str(root))
    assert (code, err) == (0, "")
    assert out == ('package.json: wrote "taroCompat": {"targets": "h5, weapp >= 2.27.3"} (guessed: h5 from script \'build:h5\' '
                   "kept when the others were removed; weapp from project.config.json appid wx0123456789abcdef; "
                   "weapp minimum keeps 99.78% of users)\n")
    text = (root / "package.json").read_text()
    assert text.endswith('\t"taroCompat": {\n\t\t"targets": "h5, weapp >= 2.27.3"\n\t}\n}\n')
    assert list(json.loads(text)) == ["name", "scripts", "dependencies", "taroCompat"]
    code, report, _ = run("check", str(root), "--no-scan", "--format", "json")
    assert [(t["platform"], t["from"], t["guessed"]) for t in json.loads(report)["projects"][0]["targets"]] == [
        ("h5", "package.json#taroCompat", False), ("weapp", "package.json#taroCompat", False)]


def test_an_existing_declaration_is_kept_without_force(tmp_path: Path) -> None:
    root = project(tmp_path / "app", {**PACKAGE, "taroCompat": {"targets": "weapp >= 2.10.4"}})
    before = (root / "package.json").read_text()
    code, out, _ = run("init", str(root))
    assert (code, out) == (1, "package.json:10: targets already declared ('weapp >= 2.10.4'); kept (--force replaces them)\n")
    assert (root / "package.json").read_text() == before
    code, out, _ = run("init", str(root), "--force", "--targets", "weapp >= 2.16.0")
    assert (code, out) == (0, 'package.json: wrote "taroCompat": {"targets": "weapp >= 2.16.0"} (as given)\n')
    assert json.loads((root / "package.json").read_text())["taroCompat"] == {"targets": "weapp >= 2.16.0"}


def test_a_monorepo_one_package_per_run_or_all(tmp_path: Path) -> None:
    for name in ("a", "b"):
        project(tmp_path / "packages" / name)
    code, _, err = run("init", str(tmp_path))
    assert code == 2
    assert err == (f"taro-compat: {tmp_path}: 2 Taro projects (packages/a, packages/b): run init on one of them, "
                   "or give --all to declare every one\n")
    code, out, _ = run("init", str(tmp_path), "--all", "--targets", "weapp")
    assert code == 0
    assert out.splitlines() == ['packages/a/package.json: wrote "taroCompat": {"targets": "weapp"} (as given)',
                                'packages/b/package.json: wrote "taroCompat": {"targets": "weapp"} (as given)']


def test_a_package_json_it_cannot_edit_is_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "app"
    root.mkdir()
    text = '{\n  "name": "app",\n  // npm would refuse this comment\n  "dependencies": {"@tarojs/taro": "3.6.26"}\n}\n'
    (root / "package.json").write_text(text)
    code, out, err = run("init", str(root))
    assert (code, out) == (2, "")
    assert err == "taro-compat: package.json:3:3: invalid JSON: Expecting property name enclosed in double quotes; nothing was changed\n"
    assert (root / "package.json").read_text() == text
    (root / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"},}')
    code, _, err = run("init", str(root))
    assert code == 2 and err.startswith("taro-compat: package.json:1:")


def test_a_bad_query_writes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "app")
    before = (root / "package.json").read_text()
    code, _, err = run("init", str(root), "--targets", "weapp >= 2.10.99")
    assert code == 2
    assert err.startswith("taro-compat: --targets: 'weapp >= 2.10.99': WeChat base library 2.10.99 is not a known release (nearest known: ")
    assert (root / "package.json").read_text() == before


def test_an_unparseable_declaration_names_its_file_and_line(tmp_path: Path) -> None:
    root = project(tmp_path / "app", {**PACKAGE, "taroCompat": {"targets": 7}})
    code, _, err = run("check", str(root), "--no-scan")
    assert (code, err) == (2, "taro-compat: package.json:10: targets must be a query string or a list of them\n")
    (root / "taro-compat.yaml").write_text("failOn: error\ntargets: [weapp, {x: 1}]\n")
    code, _, err = run("check", str(root), "--no-scan")
    assert (code, err) == (2, "taro-compat: taro-compat.yaml:2:1: targets must be a query string or a list of them\n")
    (root / "taro-compat.yaml").write_text("targets: 'weapp\n")
    code, _, err = run("init", str(root))
    assert code == 2 and err.startswith("taro-compat: taro-compat.yaml:")
