"""One self-contained HTML file: the summary, then every finding grouped by file, with filters
(severity, code, platform, file), a text search and collapsible files.

The findings travel as one JSON data block (each string once), which one inline script builds
into the page with textContent only; the Content-Security-Policy allows that script and the
style by their hashes, and nothing else: no network, no other script. Jinja2 autoescapes the
rest, and the data block escapes ``<``, ``>`` and ``&``, so no project or matrix string can
end it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from typing import Any

from markupsafe import Markup

from checker.render.options import RenderOptions
from checker.render.templating import html_environment
from checker.render.view import SEVERITY_ORDER, Entry, ReportView, project_header
from checker.render.rule_help import rule_help
from checker.report import Report
from checker.resources import reports_root

__all__ = ["render_html"]

_OPEN_UP_TO = 500  # findings; a longer report opens with its files collapsed
_SEVERITY_INDEX = {severity: i for i, severity in enumerate(SEVERITY_ORDER)}


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """An inline asset and its CSP hash (over the exact text between the tags)."""
    text = (reports_root() / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"sha256-{digest}"


def _inert_json(value: object) -> Markup:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


class _Strings:
    """Each distinct string once; findings refer to them by index."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if not text:
            return -1
        if text not in self._index:
            self._index[text] = len(self.table)
            self.table.append(text)
        return self._index[text]


def _ordered(view: ReportView) -> list[Entry]:
    """Files (from the repository root, as a reader of the page knows them) by their worst severity, then path; a file's findings by severity, then place."""
    worst: dict[str, int] = {}
    for entry in view.all_entries:
        worst[entry.repo_path] = min(worst.get(entry.repo_path, 9), _SEVERITY_INDEX[entry.severity])
    return sorted(view.all_entries, key=lambda e: (worst[e.repo_path], e.repo_path, _SEVERITY_INDEX[e.severity], e.line, e.column, e.code))


def _data(view: ReportView) -> dict[str, Any]:
    strings = _Strings()
    findings = [
        [_SEVERITY_INDEX[e.severity], strings(e.code), strings(e.repo_path), e.line, e.column, strings(e.message),
         strings(" ".join(e.platforms)), strings(e.excerpt),
         strings("\n".join(e.finding.all_sources) + (f"\nrequired: {e.finding.required}" if e.finding.required else ""))]
        for e in _ordered(view)
    ]
    return {"severities": list(SEVERITY_ORDER), "open": len(findings) <= _OPEN_UP_TO, "strings": strings.table, "findings": findings}


def render_html(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    script, script_hash = _asset("check.js")
    style, style_hash = _asset("check.css")
    counts = view.counts
    if view.failed:
        title = "taro-compat: the check did not run"
    else:
        title = f"taro-compat: {counts['error']:,} error(s), {counts['warning']:,} warning(s), {counts['info']:,} info"
    return html_environment().get_template("check.html.j2").render(
        report=report,
        title=title,
        headers=[project_header(r, view.options.lang) for r in report.results],
        requirements=[f"{r.profile.name or r.profile.root}: requirements of the unguarded calls: "
                      + ", ".join(f"{k} {v}" for k, v in r.requirements.items()) for r in report.results if r.requirements],
        counts=counts,
        severities=SEVERITY_ORDER,
        by_code=[(code, rule_help(code).slug, c) for code, c in view.by_code],
        by_platform=view.by_platform,
        files=sorted({e.repo_path for e in view.all_entries}),
        data=_inert_json(_data(view)),
        script=script, script_hash=script_hash, style=style, style_hash=style_hash,
    )
