"""Every format on a generated report of thousands of findings (tests/synthetic_report.py): the
layouts byte for byte where a file is small enough to read (Markdown, annotations), sizes and
structure everywhere (UPDATE_GOLDEN=1 rewrites the files)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from checker.render import RENDERERS
from checker.render.options import MARKDOWN_LIMIT, RenderOptions
from conftest import REPO
from synthetic_report import HOSTILE_FILE, build_report

EXPECTED = Path(__file__).parent / "expected"
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
REPORT = build_report(6000)
FINDINGS = [f for r in REPORT.results for f in r.findings]
OPTIONS = RenderOptions(display_prefix="checkout", repo_prefix="monorepo", repo_root_uri="file:///work/repo/",
                        link_base="https://github.com/o/r/blob/0123abc", full_report_url="https://github.com/o/r/actions/runs/42")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def golden(name: str, text: str) -> str:
    path = EXPECTED / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_the_generated_report_has_thousands_of_findings_of_every_severity() -> None:
    assert len(FINDINGS) == 6002
    assert Counter(f.severity for f in FINDINGS) == {"error": 2429, "warning": 2391, "info": 1182}


def test_markdown_fits_a_pull_request_comment_and_matches_its_golden_file() -> None:
    text = RENDERERS["markdown"](REPORT, OPTIONS)
    assert text == golden("synthetic-6000.md", text)
    assert len(text) <= MARKDOWN_LIMIT < 65_536
    assert len(text) > MARKDOWN_LIMIT - 1_000  # filled, not cut early
    lines = text.splitlines()
    rows = [line for line in lines if re.match(r"\| \[\d+:\d+\]\(", line)]
    assert lines[0] == "## ❌ taro-compat: 2,429 errors, 2,391 warnings, 1,182 info"
    # the summary comes first: per code, then per platform, before any finding
    errors_title = next(line for line in lines if line.startswith("### Errors ("))
    assert lines.index("| Code | Rule | Errors | Warnings | Info |") < lines.index("| Platform | Errors | Warnings | Info |") < lines.index(errors_title)
    assert errors_title == f"### Errors ({len(rows):,} of 2,429)"
    assert all(line.endswith(" |") and len(re.findall(r"(?<!\\)\|", line)) == 5 for line in rows)  # whole rows only
    more = re.search(r"^_and ([\d,]+) more: \[see the full report\]\(https://github\.com/o/r/actions/runs/42\)_$", text, re.M)
    assert more and int(more.group(1).replace(",", "")) == len(FINDINGS) - len(rows)
    # errors are listed before any warning; every row links to its file and line from the repository root
    assert rows[0].startswith("| [") and "🔴" in rows[0]
    assert all("🔴" in row for row in rows)  # 6,000 findings: only errors fit, the warnings are counted in the summary
    link = re.search(r"\]\((\S+)\)", rows[0])
    assert link and link.group(1).startswith("https://github.com/o/r/blob/0123abc/monorepo/packages/app")
    assert re.search(r"#L\d+$", link.group(1))


def test_markdown_full_is_whole_and_warnings_follow_errors() -> None:
    text = RENDERERS["markdown"](REPORT, RenderOptions(full=True))
    rows = [line for line in text.splitlines() if re.match(r"\| \d+:\d+ \|", line)]
    assert len(rows) == len(FINDINGS) - 2  # the two file-level TC010 notes have no line
    assert "more: see the full report" not in text
    icons = [("🔴" in r, "🟡" in r, "🔵" in r).index(True) for r in rows]
    assert icons == sorted(icons)  # errors, then warnings, then info


def test_markdown_quiet_lists_errors_only() -> None:
    text = RENDERERS["markdown"](REPORT, RenderOptions(quiet=True, full=True))
    assert "### Warnings" not in text and "🟡 TC" not in text and text.count("🔴 TC") == 2429


def test_github_annotations_are_the_ten_most_important_of_each_level() -> None:
    text = RENDERERS["github"](REPORT, OPTIONS)
    assert text == golden("synthetic-6000.github", text)
    lines = text.splitlines()
    kinds = Counter(line.split(" ", 1)[0].split("::")[1] for line in lines)
    assert kinds == {"error": 10, "warning": 10, "notice": 1}
    targets = "weapp >= 2.10.4, tt, alipay, swan, qq, jd, h5, rn (from --targets)"
    assert lines[0] == ("::notice title=taro-compat::2429 error(s), 2391 warning(s), 1182 info in 2 project(s); "
                        "incomplete: 2 file(s) not scanned or only partly parsed; 4,800 more, and 1,182 info, in the step summary and the other formats. "
                        f"app0: targets {targets}; app1: targets {targets}")
    codes = [re.search(r"title=taro-compat (TC\d+)", line).group(1) for line in lines[1:11]]  # type: ignore[union-attr]
    assert codes == ["TC101", "TC102", "TC104", "TC110"] * 2 + ["TC101", "TC102"]  # one of each code before a second of any
    assert not any("\n" in line or "::set-output" in line for line in lines)


def test_github_hostile_file_name_and_message_stay_inside_their_command() -> None:
    report = build_report(24, projects=1)
    text = RENDERERS["github"](report, RenderOptions())
    hostile = [line for line in text.splitlines() if "pwned" in line or "onerror" in line]
    assert hostile
    for line in hostile:
        assert re.fullmatch(r"::(error|warning) file=[^,:]+(,line=\d+)?(,col=\d+)?,title=[^:]+::[^\n]*", line), line
        assert "%250A%3A%3Aset-output" in line or "onerror" in line


def test_sarif_is_valid_against_the_official_schema() -> None:
    text = RENDERERS["sarif"](REPORT, OPTIONS)
    document = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    (run,) = document["runs"]
    assert len(run["results"]) == len(FINDINGS)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/repo/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert all(uri.startswith("monorepo/packages/app") for uri in uris)
    assert f"monorepo/packages/app0/{HOSTILE_FILE}" in uris
    rules = run["tool"]["driver"]["rules"]
    assert all("helpUri" not in rule for rule in rules)
    assert all(rule["help"]["markdown"] and rule["help"]["text"] and rule["fullDescription"]["text"] for rule in rules)
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    assert [n["descriptor"]["id"] for n in invocation["toolExecutionNotifications"]] == ["TC010", "TC010"]
    assert len(text) < 15_000_000


def test_sarif_of_a_failed_run_says_so() -> None:
    document = json.loads(RENDERERS["sarif"](build_report(0, problems=("--targets: unknown platform 'bogus'",)), RenderOptions()))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    (invocation,) = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0] == {
        "level": "error", "message": {"text": "--targets: unknown platform 'bogus'"}, "descriptor": {"id": "not-checked"}}


def test_text_is_path_line_col_errors_first_by_file_with_a_per_code_summary() -> None:
    text = RENDERERS["text"](REPORT, OPTIONS)
    lines = text.splitlines()
    located = [line for line in lines if re.match(r"^checkout/packages/app\d/", line)]
    assert len(located) == len(FINDINGS)
    pattern = re.compile(r"^(?P<path>checkout/packages/app\d/.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<sev>error|warning|info) TC\d{3} ")
    parsed = [pattern.match(line) for line in located]
    assert all(parsed)
    order = [(SEVERITY_RANK[m["sev"]], m["path"]) for m in parsed]  # type: ignore[index]
    assert [o[0] for o in order] == sorted(o[0] for o in order)
    for rank in range(3):  # within a severity, each file once, in order
        paths = [p for r, p in order if r == rank]
        assert paths == sorted(paths)
    summary = lines[lines.index("per code:") + 1:-2]
    assert summary[0] == "  TC010 file-not-scanned             2 warning"
    assert len(summary) == len({f.code for f in FINDINGS})
    assert "\033[" not in text
    assert len(text.encode()) < 1_500_000


def test_text_quiet_prints_errors_only() -> None:
    lines = RENDERERS["text"](REPORT, RenderOptions(quiet=True)).splitlines()
    assert sum(" error TC" in line for line in lines) == 2429
    assert not any(" warning TC" in line or " info TC" in line for line in lines)


def test_html_at_14000_findings_is_under_3_mb() -> None:
    report = build_report(14_000)
    html = RENDERERS["html"](report, RenderOptions())
    size = len(html.encode())
    assert size < 3_000_000, size
    data = json.loads(html.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0])
    assert len(data["findings"]) == 14_002 and data["open"] is False


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_says_a_failed_run_failed(fmt: str) -> None:
    text = RENDERERS[fmt](build_report(0, problems=("packages/app9/package.json:3:1: invalid JSON",)), RenderOptions())
    assert "0 error(s), 0 warning(s), 0 info in 0 project(s)" not in text
    assert re.search(r"FAILED|did not run|\"status\": \"failed\"|\"executionSuccessful\": false", text), text[:500]
