"""``taro-compat query api``: the answers the knowledge-base issue requires, and exit codes."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from conftest import MINIMAL_API


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def answer(*argv: str) -> dict[str, Any]:
    code, out, err = run("query", "api", "getUserProfile", "--format", "json", *argv)
    assert (code, err) == (0, "")
    return json.loads(out)


def statuses(data: dict[str, Any]) -> dict[str, str | None]:
    return {axis["axis"]: axis["status"] for axis in data["axes"]}


def test_weapp_taro_3_1_1_is_unsupported() -> None:
    data = answer("--platform", "weapp", "--taro", "3.1.1")
    assert data["verdict"] == "unsupported"
    assert statuses(data) == {"taro": "unsupported", "runtime": None}
    assert data["axes"][0]["requirement"] == (
        ">=2.2.17 <3.0.0 || >=3.0.29 <3.1.0 || >=3.1.4 <=3.2.0 || >=3.2.1"
    )


def test_weapp_taro_3_1_4_on_base_library_2_16_0_is_supported() -> None:
    data = answer("--platform", "weapp", "--taro", "3.1.4", "--runtime", "2.16.0")
    assert data["verdict"] == "supported"
    assert statuses(data) == {"taro": "supported", "runtime": "supported"}
    # the 2022 rule needs base library >= 2.27.1: it cannot apply on 2.16.0, whatever the publish date
    assert {c["id"]: c["applicability"] for c in data["changes"]} == {
        "anonymised-profile-2022": "does-not-apply",
        "no-gender-region-2021": "applies",
    }


def test_weapp_latest_with_anonymised_profile_change() -> None:
    data = answer("--platform", "weapp", "--taro", "3.6.26", "--runtime", "2.27.1", "--published", "2023-01-01")
    assert data["verdict"] == "supported"
    applying = {c["id"]: c["applicability"] for c in data["changes"]}
    assert applying == {"anonymised-profile-2022": "applies", "no-gender-region-2021": "applies"}
    change = next(c for c in data["changes"] if c["id"] == "anonymised-profile-2022")
    assert change["replacement"] == ["button.open-type.chooseAvatar", "input.type.nickname"]
    assert change["when"] == {"published_after": "2022-11-08", "runtime": ">=2.27.1"}
    assert "wx-notice-2022" in data["sources"]


@pytest.mark.parametrize(
    ("published", "runtime", "applicability"),
    [
        ("2022-11-08", "2.27.1", "does-not-apply"),  # published on the last day before the cut-off
        ("2022-11-09", "2.27.0", "does-not-apply"),  # the client's library is below 2.27.1
        ("2022-11-09", "2.27.1", "applies"),
        (None, "2.30.4", "may-apply"),  # no publish date: cannot tell
    ],
)
def test_anonymisation_conditions(published: str | None, runtime: str, applicability: str) -> None:
    extra = ["--published", published] if published else []
    data = answer("--platform", "weapp", "--taro", "3.6.26", "--runtime", runtime, *extra)
    assert {c["id"]: c["applicability"] for c in data["changes"]}["anonymised-profile-2022"] == applicability


def test_h5_is_a_stub_that_resolves_in_production() -> None:
    data = answer("--platform", "h5", "--taro", "3.6.26")
    assert data["verdict"] == "stub"
    assert statuses(data) == {"taro": "stub"}  # H5 has no runtime axis
    assert data["axes"][0]["statement"]["stub"] == {"development": "rejects", "production": "resolves"}


def test_weapp_taro_3_1_2_is_no_gap_since_its_plugin_was_never_published() -> None:
    # plugins 3.1.2/3.1.3 never reached the registry: 3.1.1 (without it) is what such a project installs
    data = answer("--platform", "weapp", "--taro", "3.1.2")
    assert data["verdict"] == "unsupported"


def test_runtime_gap_is_unsupported_with_community_confidence() -> None:
    data = answer("--platform", "weapp", "--taro", "3.6.26", "--runtime", "2.14.1")
    assert data["verdict"] == "unsupported"
    assert data["axes"][1]["statement"]["confidence"] == "community"


def test_native_call_ignores_the_taro_axis() -> None:
    data = answer("--platform", "weapp", "--runtime", "2.16.0", "--native")
    assert data["verdict"] == "supported"
    assert statuses(data) == {"runtime": "supported"}


@pytest.mark.parametrize(
    ("platform", "taro", "verdict"),
    [
        ("rn", "3.6.1", "unsupported"),
        ("rn", "3.6.3", "unsupported"),  # taro-rn 3.6.2/3.6.3 were never published: no gap
        ("rn", "3.6.4", "stub"),
        ("tt", "3.5.6", "partial"),
        ("tt", "3.5.7", "supported"),
        ("alipay", "3.6.26", "unsupported"),
        ("qq", "4.2.1", "unknown"),
        ("weapp", "3.0.0-beta.6", "unsupported"),
    ],
)
def test_other_platforms_and_versions(platform: str, taro: str, verdict: str) -> None:
    assert answer("--platform", platform, "--taro", taro)["verdict"] == verdict


def test_a_release_the_incomplete_catalogue_lacks_is_answered_with_a_warning() -> None:
    code, out, err = run("query", "api", "getUserProfile", "--format", "json", "--platform", "weapp", "--taro", "3.0.28")
    assert code == 0 and json.loads(out)["verdict"]  # answered (what the data says of it is the data's business)
    assert err == ("taro-compat: warning: --taro: Taro 3.0.28 is not in the catalogue, which is incomplete; "
                   "it falls between known releases of its line and is taken as given\n")


@pytest.mark.parametrize(("argv", "message"), [
    (["--taro", "3.6.99"], "taro-compat: --taro: Taro 3.6.99 is not a known release (nearest known: "),
    (["--runtime", "2.10"], "taro-compat: --runtime: WeChat base library 2.10 names no single release: give all its parts (known: "),
])
def test_versions_that_do_not_exist_are_refused(argv: list[str], message: str) -> None:
    code, out, err = run("query", "api", "getUserProfile", "--platform", "weapp", *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_a_version_newer_than_the_catalogue_is_a_warning() -> None:
    code, _, err = run("query", "api", "getUserProfile", "--platform", "weapp", "--runtime", "9.9.9")
    assert code == 0
    assert err.startswith("taro-compat: warning: --runtime: WeChat base library 9.9.9 is newer than the catalogue (newest release ")


def test_whole_matrix_in_json_lists_every_documented_platform() -> None:
    code, out, _ = run("query", "api", "getUserProfile", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert sorted(data["support"]) == ["alipay", "h5", "harmony-hybrid", "jd", "qq", "rn", "swan", "tt", "weapp"]
    assert [p["name"] for p in data["params"] if p["required"]] == ["desc"]
    desc = next(p for p in data["params"] if p["name"] == "desc")
    assert desc["max_length"] == 30
    force = next(p for p in data["params"] if p["name"] == "force")
    assert force["platforms"] == {"tt": ">=2.54.0"}
    assert data["support"]["weapp"]["runtime"][2] == {
        "versions": ">2.10.4 <2.16.0",
        "status": "unsupported",
        "confidence": "community",
        "note": data["support"]["weapp"]["runtime"][2]["note"],
        "sources": ["wx-community-gap-1", "wx-community-gap-2", "wx-community-2.14.1", "wx-community-devtools-2.11"],
    }
    assert data["support"]["h5"]["can_i_use"]["answers"] is True


def test_whole_matrix_in_text() -> None:
    code, out, _ = run("query", "api", "getUserProfile")
    assert code == 0
    assert "    ⊘ >=3.5.6                    stub (development: rejects, production: resolves)  (verified)" in out
    assert "    ⊘ >=3.3.17 <3.4.1            stub (development: rejects, production: rejects)  (verified)" in out
    assert "  anonymised-profile-2022 on weapp, when published after 2022-11-08, runtime >=2.27.1" in out


def test_text_answer_names_the_change_and_the_replacement() -> None:
    code, out, _ = run("query", "api", "getUserProfile", "--platform", "weapp", "--taro", "3.6.26", "--runtime", "2.27.1", "--published", "2023-01-01")
    assert code == 0
    assert out.splitlines()[0] == ("Taro.getUserProfile on weapp (Taro 3.6.26, WeChat base library 2.27.1, published 2023-01-01): supported,"
                                   " but behaves differently (anonymised-profile-2022, no-gender-region-2021)")  # not plain "supported"
    assert "  behaviour change applies: anonymised-profile-2022 (when published after 2022-11-08, runtime >=2.27.1)" in out
    assert "      use instead: button.open-type.chooseAvatar, input.type.nickname" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "api", "getUserProfil"], "taro-compat: the knowledge base has no API 'getUserProfil'; did you mean 'getUserProfile'?\n"),
        (["query", "api", "getUserProfile", "--platform", "wepp"], "taro-compat: unknown platform 'wepp'; did you mean 'weapp'?\n"),
        (["query", "api", "getUserProfile", "--platform", "weapp", "--taro", "3.1"], "taro-compat: --taro: Taro '3.1' is not a semver version (MAJOR.MINOR.PATCH[-pre])\n"),
        (["query", "api", "getUserProfile", "--platform", "h5", "--runtime", "2.10.4"], "taro-compat: platform 'h5' has no runtime version axis; drop --runtime\n"),
        (["query", "api", "getUserProfile", "--platform", "weapp", "--published", "2023-13-01"], "taro-compat: --published '2023-13-01' is not a date (YYYY-MM-DD)\n"),
        (["query", "api", "getUserProfile", "--taro", "3.6.26"], "taro-compat: --taro, --runtime, --published and --native need --platform\n"),
        (["query", "api", "getUserProfile", "--format", "xml"], "taro-compat query api: argument --format: invalid choice: 'xml' (choose from text, json)\n"),
        ([], "taro-compat: say what to do: check PATH, init PATH, query api NAME, kb lint (see --help)\n"),
    ],
)
def test_bad_usage_exits_2_with_one_line(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err.replace("'text', 'json'", "text, json") == message


def test_invalid_matrix_exits_3_and_lists_every_problem(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({"sample": MINIMAL_API.replace('">=2.10.4"', "2.10").replace("kind: api", "kind: apx")})
    code, out, err = run("query", "api", "sample", "--matrix", str(root))
    assert (code, out) == (3, "")
    assert err.splitlines() == [
        "matrix/apis/sample.yaml:2:7: KB002 kind: 'apx' is not one of ['api', 'component']",
        'matrix/apis/sample.yaml:13:19: KB002 support/weapp/runtime/0/versions: 2.10 was read as a float; quote it: "2.10"',
        "taro-compat: invalid knowledge base: 2 problem(s)",
    ]


def test_kb_lint_exit_codes(make_matrix: Callable[..., Path]) -> None:
    clean = make_matrix()
    code, out, err = run("kb", "lint", "--matrix", str(clean))
    assert (code, err) == (0, "")
    assert out == f"{clean}: 1 API(s), 15 file(s): no problems\n"
    dirty = make_matrix({"sample": MINIMAL_API.replace('">=2.10.4"', '">=2.10.5"')})
    code, out, err = run("kb", "lint", "--matrix", str(dirty))
    assert code == 3
    assert err.splitlines()[-1] == "taro-compat: invalid knowledge base: 1 problem(s)"


def test_version_flag() -> None:
    from checker import __version__

    code, out, _ = run("--version")
    assert (code, out) == (0, f"taro-compat {__version__}\n")


def test_kb_lint_is_clean_on_the_bundled_matrix() -> None:
    code, out, err = run("kb", "lint")
    assert (code, err) == (0, "")
    assert re.fullmatch(r".*matrix: \d{3,} API\(s\), \d{3,} file\(s\): no problems\n", out)


@pytest.mark.parametrize("name", ["request", "navigateTo", "chooseImage", "openBluetoothAdapter"])
def test_imported_apis_answer_with_provenance(name: str) -> None:
    code, out, _ = run("query", "api", name, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert "miniprogram-api-typings@5.2.3" in data["imported_from"]
    assert "@tarojs/taro@4.2.1" in data["imported_from"]
    weapp = data["support"]["weapp"]
    assert {s["confidence"] for s in weapp["runtime"]} == {"imported"}  # the typings' minimum base library
    assert {s["confidence"] for s in weapp["taro"]} == {"computed"}  # read from Taro's shipped code
    assert data["sources"]["imp-wx-5.2.3"]["package"] == "miniprogram-api-typings@5.2.3"


def test_a_low_base_library_gets_the_right_error_for_an_imported_api(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "weapp >= 1.0.0"}}')
    (tmp_path / "ble.ts").write_text("import Taro from '@tarojs/taro'\nTaro.openBluetoothAdapter()\n")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    (project,) = json.loads(out)["projects"]
    errors = [(f["code"], f["api"], f["required"]) for f in project["findings"] if f["severity"] == "error"]
    assert (code, errors) == (1, [("TC102", "openBluetoothAdapter", ">=1.1.0")])


def test_query_targets_and_check_agree_on_a_gap_above_the_minimum() -> None:
    code, out, _ = run("query", "targets", "weapp >= 2.10.4", "--api", "getUserProfile", "--format", "json")
    data = json.loads(out)
    assert (code, data["verdicts"], data["gaps"]) == (0, {"getUserProfile": {"weapp": "partial"}}, {"getUserProfile": {"weapp": "2.11.0 to 2.15.0"}})
    code, out, _ = run("query", "targets", "weapp >= 2.16.0", "--api", "getUserProfile", "--format", "json")
    assert json.loads(out)["verdicts"] == {"getUserProfile": {"weapp": "supported"}}  # past the gap
