"""Release planning on the demo project, checked against hand computations from the bundled data."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from conftest import REPO

DEMO = REPO / "examples" / "demo-shop"
EXPECTED = REPO / "tests" / "golden" / "expected"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def raise_plan() -> dict[str, Any]:
    code, out, err = run("plan", str(DEMO), "--raise", "weapp=2.27.1", "--format", "json")
    assert (code, err) == (0, "")
    (plan,) = json.loads(out)["plans"]
    return plan


def test_findings_that_disappear(raise_plan: dict[str, Any]) -> None:
    assert [(f["code"], f["api"], f["line"]) for f in raise_plan["fixed"]] == [
        ("TC105", "getUserProfile", 6),
        ("TC105", "getUserProfile", 17),
        ("TC105", "getUserProfile", 20),
        ("TC102", "button.open-type.chooseAvatar", 10),
        ("TC102", "input.type.nickname", 12),
    ]  # TC011 stays: libVersion 2.10.4 is still below what the code needs
    # without the TC102 error (which made it moot), what is not known of nickname's Taro support shows
    assert [(f["code"], f["api"], f["platform"], f["line"]) for f in raise_plan["introduced"]] == [
        ("TC108", "input.type.nickname", "weapp", 12)
    ]


def test_guards_that_become_obsolete(raise_plan: dict[str, Any]) -> None:
    # the canIUse guard on line 11 still protects rn and tt, as check says: not obsolete
    assert raise_plan["obsolete_guards"] == []


def test_behaviour_change_crossed(raise_plan: dict[str, Any]) -> None:
    crossed = {c["change"]: c for c in raise_plan["behaviour_changes_crossed"]}
    anonymised = crossed["anonymised-profile-2022"]
    assert anonymised["api"] == "getUserProfile"
    assert anonymised["when"] == {"published_after": "2022-11-08", "runtime": ">=2.27.1"}
    assert anonymised["replacement"] == ["button.open-type.chooseAvatar", "input.type.nickname"]
    assert anonymised["files"] == ["src/pages/login/index.tsx"]


def test_users_lost_matches_a_hand_computation(raise_plan: dict[str, Any]) -> None:
    # matrix/usage/weapp-baselib.yaml (2025-11-30): every listed version is >= 2.19.2, so every listed user
    # can open an app with minimum 2.10.4; raising it to 2.27.1 loses the rows below 2.27.1 (the 2.27.3 row stays)
    usage = _rows()
    expected = {client: round(sum(share for version, share in rows if _lt(version, "2.27.1")), 4) for client, rows in usage.items()}
    (lost,) = raise_plan["users_lost"]
    assert (lost["total"], lost["ios"], lost["android"]) == (expected["total"], expected["ios"], expected["android"])
    assert (lost["total"], lost["ios"], lost["android"]) == (0.21, 0.15, 0.26)
    assert (lost["before"], lost["after"], lost["usage_date"]) == ("2.10.4", "2.27.1", "2025-11-30")


def _lt(a: str, b: str) -> bool:
    return tuple(int(x) for x in a.split(".")) < tuple(int(x) for x in b.split("."))


def _rows() -> dict[str, list[tuple[str, float]]]:
    import yaml

    data = yaml.safe_load((REPO / "matrix" / "usage" / "weapp-baselib.yaml").read_text(encoding="utf-8"))
    return {client: [(row["version"], row["share"]) for row in data[client]] for client in ("total", "ios", "android")}


def test_recommendations(raise_plan: dict[str, Any]) -> None:
    assert raise_plan["recommendations"][0] == (
        "Raise weapp to 2.27.1: fixes 2 error(s), adds 0, locks out 0.21% of users (data of 2025-11-30): worth it."
    )
    assert any(r.startswith("Before raising weapp, move getUserProfile to button.open-type.chooseAvatar, input.type.nickname") for r in raise_plan["recommendations"])


def test_taro_upgrade_adds_and_removes(tmp_path: Path) -> None:
    code, out, _ = run("plan", str(DEMO), "--taro", "3.6.26", "--format", "json")
    (plan,) = json.loads(out)["plans"]
    fixed = {(f["code"], f["api"], f["platform"]) for f in plan["fixed"]}
    introduced = {(f["code"], f["api"], f["platform"]) for f in plan["introduced"]}
    assert ("TC103", "button.open-type.chooseAvatar", "weapp") in fixed  # 3.4.3+ has it
    assert ("TC110", "getUserProfile", "tt") in fixed  # promisified from 3.5.7
    assert ("TC101", "getUserProfile", "rn") in fixed and ("TC104", "getUserProfile", "rn") in introduced  # a stub from 3.6.4


def test_add_and_drop_targets() -> None:
    code, out, _ = run("plan", str(DEMO), "--drop-target", "rn", "--add-target", "alipay", "--format", "json")
    (plan,) = json.loads(out)["plans"]
    assert {f["platform"] for f in plan["fixed"]} == {"rn"}
    assert ("TC101", "getUserProfile") in {(f["code"], f["api"]) for f in plan["introduced"] if f["platform"] == "alipay"}


def test_users_own_usage_replaces_the_bundled_share(tmp_path: Path) -> None:
    usage = tmp_path / "mine.yaml"
    usage.write_text(
        'id: weapp-baselib\ncatalogue: weapp-baselib\ndate: "2026-11-01"\nsources:\n  console: {url: "https://mp.weixin.qq.com/"}\n'
        'total:\n  - {version: "3.12.0", share: 90}\n  - {version: "2.26.2", share: 10}\n'
    )
    code, out, _ = run("plan", str(DEMO), "--raise", "weapp=2.27.1", "--usage", str(usage), "--format", "json")
    (plan,) = json.loads(out)["plans"]
    assert plan["users_lost"] == [{"platform": "weapp", "before": "2.10.4", "after": "2.27.1", "usage_date": "2026-11-01",
                                   "total": 10.0, "ios": None, "android": None}]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--raise", "wepp=2.27.1"], "taro-compat: --raise 'wepp=2.27.1': unknown platform 'wepp'; did you mean 'weapp'?\n"),
        (["--raise", "h5=1.0.0"], "taro-compat: --raise 'h5=1.0.0': h5 has no runtime version to raise\n"),
        (["--raise", "weapp=two"], "taro-compat: --raise 'weapp=two': WeChat base library 'two' is not a dotted version (2 to 4 numbers, e.g. 2.10.4)\n"),
        ([], "taro-compat: say what to plan: --raise PLATFORM=VERSION, --taro VERSION, --add-target P or --drop-target P\n"),
    ],
)
def test_plan_usage_errors(argv: list[str], message: str) -> None:
    assert run("plan", str(DEMO), *argv)[::2] == (2, message)


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("diff-3.1.1-3.1.4.txt", ["diff", "--taro", "3.1.1..3.1.4"]),
        ("query-targets.txt", ["query", "targets", "weapp >= 2.10.4, h5, rn", "--api", "getUserProfile", "--api", "login",
                               "--api", "request", "--api", "openBluetoothAdapter", "--api", "button.open-type.chooseAvatar"]),
        ("query-targets.json", ["query", "targets", "weapp >= 2.10.4, tt >= 2.30.0", "--api", "getUserProfile", "--format", "json"]),
        ("query-since.txt", ["query", "api", "getUserProfile", "--since", "--cover", "99"]),
        ("plan-raise.md", ["plan", str(DEMO), "--raise", "weapp=2.27.1", "--format", "markdown"]),
    ],
)
def test_golden_answers(name: str, argv: list[str]) -> None:
    code, out, err = run(*argv)
    assert (code, err) == (0, "")
    golden = EXPECTED / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_python_api_gives_the_same_answers() -> None:
    import checker

    assert checker.query("getUserProfile", platform="weapp", taro="3.1.1").verdict.value == "unsupported"
    (plan,) = checker.plan(DEMO, raise_to={"weapp": "2.27.1"})
    assert (len(plan.fixed), plan.users_lost[0].total) == (5, 0.21)
    curated = ("canIUse", "getUserInfo", "getUserProfile", "login", "getOpenUserInfo")
    assert checker.query_targets("weapp >= 2.16.0", apis=curated).on_all == ("canIUse", "getUserInfo", "getUserProfile", "login")
    assert checker.query_since("getUserProfile").lowest_runtime == {"tt": "2.30.0", "weapp": "2.10.4"}
    assert [c[2] for c in checker.diff("3.1.1", "3.1.4").changes if c[0] == "getUserProfile"] == ["gained"]
    (result,) = checker.check(DEMO)
    assert len(result.findings) == 51


def test_a_raise_below_the_current_minimum_is_no_raise() -> None:
    code, out, err = run("plan", str(DEMO), "--raise", "weapp=2.9.0", "--format", "json")
    assert (code, err) == (0, "")
    (plan,) = json.loads(out)["plans"]
    assert (plan["change"], plan["fixed"], plan["introduced"], plan["users_lost"]) == ("no change", [], [], [])
    assert plan["recommendations"] == ["weapp is already at 2.10.4 (package.json#taroCompat): 2.9.0 is not a raise; nothing to plan for it."]
