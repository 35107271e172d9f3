"""Each format where it is read, through the command line: paths from the current directory and the
repository root, links, colour, the step summary, and a failed run visible in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from conftest import REPO

GITHUB = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_RUN_ID", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY")
FORMATS = ("text", "json", "json-v1", "markdown", "html", "sarif", "github")
SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*GITHUB, "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)


def run(*argv: str, out: io.StringIO | None = None) -> tuple[int, str, str]:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def monorepo(tmp_path: Path) -> Path:
    """A repository with a Taro app two folders down; one unsupported call (h5 stub) on line 2."""
    (tmp_path / ".git").mkdir()
    app = tmp_path / "packages" / "shop"
    (app / "src").mkdir(parents=True)
    (app / "package.json").write_text(json.dumps({"name": "shop", "dependencies": {"@tarojs/taro": "3.6.26"},
                                                  "taroCompat": {"targets": "h5, weapp >= 2.16.0"}}))
    (app / "src" / "a.ts").write_text("import Taro from '@tarojs/taro'\nexport const p = Taro.getUserProfile({ desc: 'for the member page' })\n")
    return tmp_path


def test_text_paths_are_relative_to_the_current_directory(monorepo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(monorepo / "packages")
    code, out, _ = run("check", "shop")
    assert code == 1
    assert "shop/src/a.ts:2:18: error TC104 getUserProfile is a stub on h5 (it rejects in development" in out
    monkeypatch.chdir(monorepo / "packages" / "shop" / "src")
    _, out, _ = run("check", "..")
    assert "\na.ts:2:18: error TC104 getUserProfile is a stub on h5 (it rejects in development" in out


def test_colour_only_on_a_terminal_and_never_with_no_color(monorepo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = str(monorepo / "packages" / "shop")
    _, coloured, _ = run("check", app, out=Terminal())
    assert "\033[31merror\033[0m TC104" in coloured
    _, piped, _ = run("check", app)
    assert "\033[" not in piped
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = run("check", app, out=Terminal())
    assert "\033[" not in plain and plain == piped
    monkeypatch.delenv("NO_COLOR")
    report = tmp_path / "report.txt"
    run("check", app, "--output", str(report), out=Terminal())
    assert "\033[" not in report.read_text(encoding="utf-8")


def test_markdown_links_from_github_variables_or_link_base(monorepo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = str(monorepo / "packages" / "shop")
    _, out, _ = run("check", app, "--format", "markdown")
    assert "| 2:18 | 🔴 TC104 | h5 |" in out  # no repository URL known: no link
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/shop")
    monkeypatch.setenv("GITHUB_SHA", "deadbeef")
    _, out, _ = run("check", app, "--format", "markdown")
    assert "| [2:18](https://github.com/acme/shop/blob/deadbeef/packages/shop/src/a.ts#L2) | 🔴 TC104 | h5 |" in out
    _, out, _ = run("check", app, "--format", "markdown", "--link-base", "https://git.example.com/x/y/src/branch/main/")
    assert "[2:18](https://git.example.com/x/y/src/branch/main/packages/shop/src/a.ts#L2)" in out


def test_a_link_base_that_is_not_a_url_is_a_usage_error(monorepo: Path) -> None:
    code, out, err = run("check", str(monorepo / "packages" / "shop"), "--format", "markdown", "--link-base", "javascript:alert(1)")
    assert code == 2 and out == ""
    assert err == "taro-compat: --link-base: 'javascript:alert(1)' is not an http(s) URL (e.g. https://github.com/OWNER/REPO/blob/SHA)\n"


def test_github_appends_the_markdown_report_to_the_step_summary(monorepo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("check", str(monorepo / "packages" / "shop"), "--format", "github")
    assert code == 1
    assert out.splitlines()[0].startswith("::notice title=taro-compat::1 error(s), ")
    assert out.splitlines()[1].startswith("::error file=packages/shop/src/a.ts,line=2,col=18,title=taro-compat TC104 on h5::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## ❌ taro-compat: 1 error, ")
    assert "| 2:18 | 🔴 TC104 | h5 |" in text


def test_sarif_paths_resolve_from_the_repository_root(monorepo: Path) -> None:
    _, out, _ = run("check", str(monorepo / "packages" / "shop"), "--format", "sarif")
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(out))
    (sarif_run,) = json.loads(out)["runs"]
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == monorepo.as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"] for r in sarif_run["results"] if r["ruleId"] == "TC104"]
    assert locations == [{"artifactLocation": {"uri": "packages/shop/src/a.ts", "uriBaseId": "%SRCROOT%"},
                          "region": {"startLine": 2, "startColumn": 18}}]
    assert sarif_run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_lists_a_partly_parsed_file_as_a_notification(monorepo: Path) -> None:
    (monorepo / "packages" / "shop" / "src" / "broken.ts").write_text("import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x' \nconst = ;\n")
    _, out, _ = run("check", str(monorepo / "packages" / "shop"), "--format", "sarif")
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (notice,) = invocation["toolExecutionNotifications"]
    assert notice["level"] == "warning" and notice["descriptor"] == {"id": "TC010"}
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "packages/shop/src/broken.ts"


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_targets_fail_visibly_in_every_format(monorepo: Path, fmt: str) -> None:
    code, out, err = run("check", str(monorepo / "packages" / "shop"), "--format", fmt, "--targets", "weapp >= 2.16.0, bogus")
    assert code == 2
    assert "unknown platform 'bogus'" in err
    assert ("unknown platform &#39;bogus&#39;" if fmt == "html" else "unknown platform 'bogus'") in out
    assert "0 project(s)" not in out and "0 error" not in out.split("\n", 1)[0]
    if fmt.startswith("json"):
        data = json.loads(out)
        assert (data["status"], data["complete"], data["projects"]) == ("failed", False, [])
    elif fmt == "sarif":
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(out))
        assert json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is False
    elif fmt == "text":
        assert out.splitlines()[-1] == "FAILED: nothing was checked (1 problem(s) above)"
    elif fmt == "markdown":
        assert out.startswith("## ❌ taro-compat: the check did not run\n")
    elif fmt == "html":
        assert "<h1>taro-compat: the check did not run</h1>" in out and '<p class="banner">Not checked: ' in out
    else:
        assert out.splitlines()[1].startswith("::error title=taro-compat did not run::--targets: unknown platform 'bogus'")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unreadable_project_fails_visibly_in_every_format(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"@tarojs/taro": "3.6.26"},\n  "name": }\n')
    code, out, err = run("check", str(tmp_path), "--format", fmt)
    assert code == 2
    assert "package.json:2:" in err and "package.json:2:" in out
    if fmt.startswith("json"):
        assert json.loads(out)["status"] == "failed"
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is False
    elif fmt == "text":
        assert out.splitlines()[-1] == "FAILED: nothing was checked (1 problem(s) above)"


def test_markdown_output_writes_the_whole_report_when_asked(tmp_path: Path) -> None:
    app = tmp_path / "app"
    (app / "src").mkdir(parents=True)
    (app / "package.json").write_text(json.dumps({"dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "h5"}}))
    (app / "src" / "a.ts").write_text("import Taro from '@tarojs/taro'\n" + "Taro.getUserProfile({ desc: 'for the member page' })\n" * 1500)
    _, comment, _ = run("check", str(app), "--format", "markdown")
    assert len(comment) <= 64_000 and "_and 1," in comment and "more: see the full report" in comment
    report = tmp_path / "report.md"
    code, out, _ = run("check", str(app), "--format", "markdown", "--full", "--output", str(report))
    assert code == 1 and out == ""
    whole = report.read_text(encoding="utf-8")
    assert whole.count("🔴 TC104") == 1500 and "more: see the full report" not in whole


def test_quiet_text_prints_the_errors_and_the_total(monorepo: Path) -> None:
    _, out, _ = run("check", str(monorepo / "packages" / "shop"), "--quiet")
    assert all(" error " in line for line in out.splitlines() if ": warning " in line or ": info " in line) is True
    assert not any(": warning TC" in line or ": info TC" in line for line in out.splitlines())
    assert out.splitlines()[-1].startswith("1 error(s), ")
