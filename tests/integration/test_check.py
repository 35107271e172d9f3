"""The CI gate on the demo project: every verdict, the exit codes, the baseline, and inert reports."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from conftest import REPO

DEMO = REPO / "examples" / "demo-shop"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    code, out, _ = run("check", str(DEMO), "--format", "json")
    assert code == 1
    return json.loads(out)


def findings(report: dict[str, Any], code: str) -> list[tuple[Any, ...]]:
    """Per platform: a finding of format 2 names its platforms in ``platforms``."""
    (project,) = report["projects"]
    return [(f["api"], p["platform"], f["file"], f["line"], f["severity"])
            for f in project["findings"] if f["code"] == code for p in (f["platforms"] or [{"platform": None}])]


def test_profile_and_requirements(report: dict[str, Any]) -> None:
    (project,) = report["projects"]
    assert project["taro"] == {"declared": "^3.3.0", "resolved": "3.3.20", "source": "package-lock.json", "allows": None}
    assert [(t["platform"], t["min_version"]) for t in project["targets"]] == [("h5", None), ("rn", None), ("tt", "2.30.0"), ("weapp", "2.10.4")]
    assert project["requirements"] == {"taro": ">=3.6.8", "tt": ">=2.30.0", "weapp": ">=2.21.2"}
    assert report["summary"] == {"errors": 21, "warnings": 26, "infos": 4}  # one finding per place and problem (TC106/TC107 once per API;
    # setStorageSync in onChooseAvatar is judged where it is used: a weapp-only JSX branch)


def test_json_v1_keeps_one_finding_per_platform() -> None:
    code, out, _ = run("check", str(DEMO), "--format", "json-v1")
    data = json.loads(out)
    assert (code, data["format_version"]) == (1, 1)
    (project,) = data["projects"]
    assert "platforms" not in project["findings"][0]
    wx = [(f["platform"], f["message"]) for f in project["findings"] if f["code"] == "TC111"]
    assert wx == [("h5", "wx.login: there is no wx on h5 (it has no native global); call Taro.login, or keep this code to its platform"),
                  ("rn", "wx.login: there is no wx on rn (it has no native global); call Taro.login, or keep this code to its platform"),
                  ("tt", "wx.login: there is no wx on tt (its global is tt); call Taro.login, or keep this code to its platform")]
    assert data["summary"] == {"errors": 23, "warnings": 33, "infos": 6}  # TC133: one per platform that ignores the option


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("TC101", [("getUserProfile", "rn", "src/pages/login/index.tsx", 6, "error"), ("getUserProfile", "rn", "src/pages/login/index.tsx", 17, "error"),
                   ("getUserProfile", "rn", "src/pages/login/index.tsx", 20, "error"), ("input.type.nickname", "h5", "src/pages/profile/index.tsx", 12, "error"),
                   ("getUserInfo", "rn", "src/services/auth.ts", 10, "error"), ("getOpenUserInfo", "weapp", "src/services/auth.ts", 17, "error")]),
        ("TC102", [("button.open-type.chooseAvatar", "weapp", "src/pages/profile/index.tsx", 10, "error"),
                   ("input.type.nickname", "weapp", "src/pages/profile/index.tsx", 12, "error")]),
        ("TC103", [("button.open-type.chooseAvatar", "weapp", "src/pages/profile/index.tsx", 10, "error")]),
        ("TC105", [("getUserProfile", "weapp", "src/pages/login/index.tsx", 6, "warning"), ("getUserProfile", "weapp", "src/pages/login/index.tsx", 17, "warning"),
                   ("getUserProfile", "weapp", "src/pages/login/index.tsx", 20, "warning")]),
        ("TC107", [("getUserInfo", "tt", "src/services/auth.ts", 10, "warning")]),
        ("TC110", [("getUserProfile", "tt", "src/pages/login/index.tsx", 6, "error")]),
        ("TC111", [("login", "h5", "src/services/auth.ts", 5, "error"), ("login", "rn", "src/services/auth.ts", 5, "error"),
                   ("login", "tt", "src/services/auth.ts", 5, "error")]),
        ("TC121", [("login", "h5", "src/app.ts", 7, "warning"), ("getUserProfile", "h5", "src/pages/login/index.tsx", 12, "warning")]),
        ("TC122", []),  # the canIUse guard of login still protects rn: not obsolete
        ("TC123", [("getUserProfile", None, "src/pages/login/index.tsx", 24, "info")]),
        ("TC130", [("getUserProfile", None, "src/pages/login/index.tsx", 20, "error")]),
        ("TC131", [("getUserProfile", None, "src/pages/login/index.tsx", 17, "error")]),
        ("TC132", [("getUserProfile", None, "src/pages/login/index.tsx", 12, "error")]),
        ("TC011", [(None, "weapp", "project.config.json", 5, "warning")]),
    ],
)
def test_verdict(report: dict[str, Any], code: str, expected: list[tuple[Any, ...]]) -> None:
    assert findings(report, code) == expected


def test_each_verdict_kind_appears(report: dict[str, Any]) -> None:
    (project,) = report["projects"]
    codes = {f["code"] for f in project["findings"]}
    assert {"TC104", "TC106", "TC108", "TC109", "TC120", "TC133"} <= codes


def test_messages_say_what_is_needed(report: dict[str, Any]) -> None:
    (project,) = report["projects"]
    by_code: dict[str, Any] = {}
    for finding in project["findings"]:
        by_code.setdefault(finding["code"], finding)
    assert by_code["TC102"]["message"] == (
        "button.open-type.chooseAvatar needs weapp base library >=2.21.2; the declared minimum is 2.10.4 (package.json#taroCompat)"
    )
    assert by_code["TC102"]["required"] == ">=2.21.2"
    assert by_code["TC103"]["message"] == "button.open-type.chooseAvatar needs a newer Taro on weapp (Taro >=3.4.3); the project has 3.3.20"
    assert by_code["TC105"]["message"] == (
        "getUserProfile: on weapp, base libraries 2.11.0 to 2.15.0 above the minimum 2.10.4 lack it (community); "
        "feature-detect it or raise the minimum"
    )
    stub = next(f for f in project["findings"] if f["code"] == "TC104" and f["api"] == "getUserProfile")
    assert stub["message"] == "getUserProfile is a stub on h5 (it rejects)"  # 3.3.20 rejects in every build
    wx = next(f for f in project["findings"] if f["code"] == "TC111")
    assert wx["message"] == ("wx.login: there is no wx on h5 (it has no native global), rn (it has no native global), tt (its global is tt);"
                             " call Taro.login, or keep this code to its platform")
    assert [p["platform"] for p in wx["platforms"]] == ["h5", "rn", "tt"]
    change = next(f for f in project["findings"] if f["code"] == "TC106" and "微信用户" in f["message"])
    assert change["message"].endswith("use instead: button.open-type.chooseAvatar, input.type.nickname (4 call sites; also at"
                                      " src/pages/login/index.tsx:12, src/pages/login/index.tsx:17, src/pages/login/index.tsx:20)")
    assert (change["file"], change["line"], change["args"]["gathered"]) == ("src/pages/login/index.tsx", 6, 4)
    assert "https://developers.weixin.qq.com/community/develop/doc/00022c683e8a80b29bed2142b56c01" in change["sources"]


def test_call_sites_carry_their_guards(report: dict[str, Any]) -> None:
    (project,) = report["projects"]
    guarded = next(c for c in project["call_sites"] if c["line"] == 12 and c["api"] == "getUserProfile")
    assert guarded["guards"] == [
        {"kind": "can_i_use", "platforms": ["h5", "rn", "tt", "weapp"], "line": 11, "api": "getUserProfile", "schema": "getUserProfile", "receiver": "taro"}
    ]
    avatar = next(c for c in project["component_uses"] if c["api"] == "button.open-type.chooseAvatar")
    assert avatar["guards"] == [{"kind": "taro_env", "platforms": ["weapp"], "line": 9, "envs": ["weapp"]}]


def test_a_newer_publish_date_does_not_hide_the_2022_rule(tmp_path: Path) -> None:
    code, out, _ = run("check", str(DEMO), "--format", "json", "--targets", "weapp >= 2.27.1")
    (project,) = json.loads(out)["projects"]
    assert not any(f["code"] in ("TC102", "TC105") and f["api"] == "getUserProfile" for f in project["findings"])
    assert any(f["code"] == "TC106" and f["line"] == 6 for f in project["findings"])


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(fail_on: str, expected: int) -> None:
    assert run("check", str(DEMO), "--fail-on", fail_on, "--format", "json")[0] == expected


def test_only_warnings_pass_the_default_gate(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "weapp >= 2.16.0"}}')
    (tmp_path / "a.ts").write_text("import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'member profile' })\n")
    code, out, _ = run("check", str(tmp_path))
    assert code == 0
    assert "warning TC106" in out
    assert run("check", str(tmp_path), "--fail-on", "warning")[0] == 1


def test_baseline_accepts_known_findings_and_reports_gone_ones(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, _ = run("check", str(DEMO), "--write-baseline", str(baseline), "--format", "json")
    assert code == 1
    entries = json.loads(baseline.read_text())["findings"]
    assert len(entries) == 62
    code, out, _ = run("check", str(DEMO), "--baseline", str(baseline), "--format", "json")
    data = json.loads(out)
    assert (code, data["summary"], data["baseline"]) == (0, {"errors": 0, "warnings": 0, "infos": 0}, {"accepted": 62, "gone": []})
    stale = {"format": 1, "findings": entries + [{"fingerprint": "0" * 32, "what": "src/old.ts:1 TC101 getUserProfile rn"}]}
    baseline.write_text(json.dumps(stale))
    code, out, _ = run("check", str(DEMO), "--baseline", str(baseline))
    assert out.splitlines()[-1] == "0 error(s), 0 warning(s), 0 info in 1 project(s); 62 accepted by the baseline, 1 baseline entry gone"


def test_a_bad_baseline_is_one_line(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text("{not json")
    code, out, err = run("check", str(DEMO), "--baseline", str(baseline))
    assert (code, out) == (2, "")
    assert err == f"taro-compat: {baseline}:1:2: invalid JSON: Expecting property name enclosed in double quotes\n"


HOSTILE = {
    "package.json": json.dumps({"name": "<script>alert(1)</script>", "dependencies": {"@tarojs/taro": "3.6.26"},
                                "taroCompat": {"targets": "h5, weapp >= 2.16.0"}}),
    "src/x%0A::set-output name=pwned::1,y:z.ts": "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: '\"><img src=x onerror=alert(1)>|`x`' })\n",
}


def hostile_project(tmp_path: Path) -> Path:
    for name, text in HOSTILE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_github_annotations_cannot_inject_commands(tmp_path: Path) -> None:
    _, out, _ = run("check", str(hostile_project(tmp_path)), "--format", "github")
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any("::set-output" in line for line in lines)
    assert "file=src/x%250A%3A%3Aset-output name=pwned%3A%3A1%2Cy%3Az.ts" in out


def test_html_escapes_project_strings(tmp_path: Path) -> None:
    _, out, _ = run("check", str(hostile_project(tmp_path)), "--format", "html")
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    # the findings' data block, then the one script the CSP allows by its hash; nothing from the project
    assert re.findall(r"<script[^>]*>", out) == ['<script type="application/json" id="data">', "<script>"]
    data = out.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "\\u003cimg src=x" in data


def test_markdown_escapes_table_breakers(tmp_path: Path) -> None:
    _, out, _ = run("check", str(hostile_project(tmp_path)), "--format", "markdown")
    assert "<script>" not in out and "<img" not in out
    assert "\\<" not in out  # escaped as entities, not backslashes
    for line in out.splitlines():
        if line.startswith("| TC"):  # the per-code summary: five cells
            assert len(re.findall(r"(?<!\\)\|", line)) == 6
        elif line.startswith("| ") and "TC" in line:
            assert len(re.findall(r"(?<!\\)\|", line)) == 5  # four cells: no stray pipe from the data


SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {"rules": {"type": "array", "items": {
                        "type": "object", "required": ["id", "shortDescription", "fullDescription", "help"],
                        "properties": {"id": {"type": "string"}, "helpUri": {"type": "string", "format": "uri-reference"}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "locations": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["physicalLocation"], "properties": {
                            "physicalLocation": {"type": "object", "required": ["artifactLocation"], "properties": {
                                "artifactLocation": {"type": "object", "required": ["uri"]},
                                "region": {"type": "object", "required": ["startLine"], "properties": {
                                    "startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1}}}}}}}},
                        "partialFingerprints": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}}}}}}}},
    },
}


def test_sarif_validates_and_rule_indexes_match() -> None:
    import jsonschema

    _, out, _ = run("check", str(DEMO), "--format", "sarif")
    document = json.loads(out)
    jsonschema.validate(document, SARIF_SUBSET)
    (run_,) = document["runs"]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert all(rules[result["ruleIndex"]] == result["ruleId"] for result in run_["results"])
    fingerprints = [r["partialFingerprints"]["taroCompat/v1"] for r in run_["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_check_on_the_demo_is_fast_enough_to_gate_every_commit() -> None:
    # the speed itself is measured in benchmarks/; here only that the demo is checked from a warm cache
    first = run("check", str(DEMO), "--format", "json")
    assert run("check", str(DEMO), "--format", "json") == first


def test_every_code_is_documented() -> None:
    from checker.rules import RULES

    headings = {line[3:] for line in (REPO / "docs" / "findings.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    assert headings == {f"{rule.code} {rule.slug}" for rule in RULES}


def test_a_native_call_on_a_platform_without_runtime_data_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "alipay"}}')
    (tmp_path / "a.js").write_text("my.getOpenUserInfo()\n")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    (project,) = json.loads(out)["projects"]
    assert [(f["code"], f["platform"], f["file"], f["message"]) for f in project["findings"]] == [
        ("TC108", "alipay", None, "alipay: no runtime versions are known for this platform for 1 API(s) at 1 call site(s): getOpenUserInfo;"
                                  " unknown is not a pass (--strict-unknown lists them)")
    ]
    assert code == 0  # a warning: the default gate passes, --fail-on warning would not
    code, out, _ = run("check", str(tmp_path), "--format", "json", "--strict-unknown")
    (project,) = json.loads(out)["projects"]
    assert [(f["code"], f["severity"], f["file"], f["line"], f["message"]) for f in project["findings"]] == [
        ("TC108", "error", "a.js", 1, "getOpenUserInfo on alipay: no runtime versions are known for this platform; unknown is not a pass")
    ]
    assert code == 1  # strict: unknowns fail the gate


def test_requirements_leave_out_code_that_never_runs_on_the_platform(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "weapp >= 2.10.4, tt >= 2.30.0"}}')
    (tmp_path / "a.ts").write_text(
        "import Taro from '@tarojs/taro'\n"
        "if (process.env.TARO_ENV === 'tt') { Taro.getUserProfile({ desc: 'douyin only' }) }\n"
        "Taro.openBluetoothAdapter()\n"
    )
    _, out, _ = run("check", str(tmp_path), "--format", "json")
    (project,) = json.loads(out)["projects"]
    # weapp's minimum comes from openBluetoothAdapter (1.1.0), not from the tt-only getUserProfile (2.10.4)
    assert project["requirements"]["weapp"] == ">=1.1.0"
    assert project["requirements"]["tt"] == ">=2.30.0"
