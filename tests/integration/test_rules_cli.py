"""`rules`, the generated docs, and the check options that choose and word findings."""

from __future__ import annotations

import io
import json
from pathlib import Path

from checker.cli import main
from conftest import REPO

DEMO = REPO / "examples" / "demo-shop"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_docs_findings_md_is_generated_from_the_registry() -> None:
    from checker.render.rules_doc import findings_markdown

    assert (REPO / "docs" / "findings.md").read_text(encoding="utf-8") == findings_markdown(), (
        "regenerate: python -c 'from checker.render.rules_doc import findings_markdown as f; open(\"docs/findings.md\", \"w\").write(f())'")


def test_rules_lists_every_documented_code() -> None:
    code, out, _ = run("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    documented = [line.split()[1] for line in (REPO / "docs" / "findings.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert listed == documented
    assert out.splitlines()[listed.index("TC102")].split()[:3] == ["TC102", "needs-newer-runtime", "error"]


def test_rules_explains_one_code_in_text_and_json() -> None:
    code, out, _ = run("rules", "TC104")
    assert code == 0 and out.startswith("## TC104 stub\n\nSeverity: error. Taro ships a stub on a target platform.")
    code, out, _ = run("rules", "needs-newer-taro", "--format", "json")
    data = json.loads(out)
    assert (code, data["code"], data["severity"]) == (0, "TC103", "error")
    assert data["fix"] == "Upgrade Taro, or call the native API where Taro lacks it."
    code, _, err = run("rules", "TC1O4")
    assert code == 2 and err == "taro-compat: no rule 'TC1O4'; did you mean 'TC104'?\n"


def test_check_in_chinese() -> None:
    code, out, _ = run("check", str(DEMO), "--lang", "zh", "--select", "TC104,TC111")
    assert code == 1
    assert "/src/services/auth.ts:5:10: error TC111 wx.login：h5（没有原生全局对象）、rn（没有原生全局对象）、tt（其全局对象是 tt） 上没有 wx；" in out
    assert "/src/pages/login/index.tsx:6:27: error TC104 getUserProfile 在 h5（调用会 reject） 上只是桩函数" in out


def test_select_ignore_and_statistics() -> None:
    code, out, _ = run("check", str(DEMO), "--select", "TC1", "--ignore", "TC10", "--ignore", "TC11,TC12,TC13", "--statistics")
    assert code == 0  # only TC1xx outside TC10x..TC13x remain: none
    assert out == "findings per code:\n0 error(s), 0 warning(s), 0 info in 1 project(s)\n"
    code, out, _ = run("check", str(DEMO), "--select", "TC101,TC111", "--statistics")
    assert code == 1
    assert out.splitlines() == [
        "findings per code:", "  6  TC101 unsupported (error)", "  1  TC111 global-missing (error)",
        "findings per API:", "  3  getUserProfile", "  1  getOpenUserInfo", "  1  getUserInfo", "  1  input.type.nickname", "  1  login",
        "7 error(s), 0 warning(s), 0 info in 1 project(s)",
    ]
    code, _, err = run("check", str(DEMO), "--select", "TC999")
    assert code == 2 and err == "taro-compat: no rule is named TC999 (see taro-compat rules)\n"


def test_ignore_and_strict_unknown_settings(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "alipay", "ignore": ["TC108"]}}')
    (tmp_path / "a.js").write_text("my.getOpenUserInfo()\n")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    assert (code, json.loads(out)["projects"][0]["findings"]) == (0, [])
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "alipay", "strictUnknown": true}}')
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    assert (code, [(f["code"], f["severity"], f["line"]) for f in json.loads(out)["projects"][0]["findings"]]) == (1, [("TC108", "error", 1)])
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"strictUnknown": "yes"}}')
    code, _, err = run("check", str(tmp_path))
    assert code == 2 and "strictUnknown must be true or false" in err
