"""Markdown for a pull-request comment: the summary first (counts per severity, code and platform),
then errors, then warnings, grouped by file, each linked to its line when the repository's URL is
known. Cut to fit a comment (GitHub takes at most 65,536 characters), never inside a row."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from checker.render.options import RenderOptions
from checker.render.templating import markdown_environment, md_escape
from checker.render.view import Entry, ReportView, project_header
from checker.render.words import rule_doc
from checker.report import Report

__all__ = ["render_markdown"]

_MESSAGE_CAP = 500  # characters of one message in a comment; the JSON and HTML reports keep it whole
_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}
_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _link(entry: Entry, options: RenderOptions) -> str:
    place = f"{entry.line}:{entry.column}" if entry.line and entry.column else (str(entry.line) if entry.line else "-")
    if not options.link_base:
        return place
    anchor = f"#L{entry.line}" if entry.line else ""
    return f"[{place}]({options.link_base}/{quote(entry.repo_path, safe='/')}{anchor})"


def _row(entry: Entry, options: RenderOptions) -> str:
    words = entry.message if len(entry.message) <= _MESSAGE_CAP else entry.message[: _MESSAGE_CAP - 1] + "…"
    platforms = ", ".join(entry.platforms) or "all"
    return f"| {_link(entry, options)} | {_ICON[entry.severity]} {entry.code} | {md_escape(platforms)} | {md_escape(words)} |"


def _title(view: ReportView) -> str:
    counts = view.counts
    if view.failed:
        return "❌ taro-compat: the check did not run"
    parts = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning"), f"{counts['info']:,} info"]
    mark = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "✅")
    return f"{mark} taro-compat: {', '.join(parts)}"


def _sections(view: ReportView, entries: list[Entry], options: RenderOptions) -> list[dict[str, Any]]:
    sections = []
    for severity in ("error", "warning", "info"):
        chosen = [e for e in entries if e.severity == severity]
        if not chosen:
            continue
        total = view.counts[severity]
        shown = f"{total:,}" if len(chosen) == total else f"{len(chosen):,} of {total:,}"
        files = [{"path": md_escape(path), "rows": [_row(e, options) for e in group]} for path, group in view.by_file(chosen, from_repository=True)]
        sections.append({"title": f"{_TITLES[severity]} ({shown})", "files": files,
                         "details": f"{_plural(len(chosen), 'info finding')}" if severity == "info" else ""})
    return sections


def _context(view: ReportView, shown: int) -> dict[str, Any]:
    report, options = view.report, view.options
    entries = list(view.entries[:shown])
    hidden = len(view.entries) - shown
    more = ""
    if hidden:
        where = f"({options.full_report_url})" if options.full_report_url else ""
        see = f"[see the full report]{where}" if where else "see the full report (`taro-compat check --format markdown --full --output report.md`)"
        more = f"and {hidden:,} more: {see}"
    requirements = [
        f"{md_escape(r.profile.name or r.profile.root)}: requirements of the unguarded calls: "
        + md_escape(", ".join(f"{k} {v}" for k, v in r.requirements.items()))
        for r in report.results if r.requirements and not options.quiet
    ]
    baseline = ""
    if report.baselined or report.gone:
        gone = len(report.gone)
        baseline = f"{report.baselined:,} finding(s) accepted by the baseline; {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur."
    return {
        "title": _title(view),
        "problems": [md_escape(p) for p in report.problems],
        "headers": [md_escape(project_header(r)) for r in report.results],
        "by_code": [f"| {code} | {md_escape(rule_doc(code).slug)} | {c['error']:,} | {c['warning']:,} | {c['info']:,} |" for code, c in view.by_code],
        "by_platform": [f"| {md_escape(p)} | {c['error']:,} | {c['warning']:,} | {c['info']:,} |" for p, c in view.by_platform],
        "sections": _sections(view, entries, options),
        "more": more,
        "requirements": requirements,
        "baseline": baseline,
        "footer": md_escape(f"taro-compat {report.tool_version} · matrix {report.matrix_digest[:12]} ({report.matrix_apis} entries)"),
    }


def render_markdown(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    template = markdown_environment().get_template("check.md.j2")

    def render(shown: int) -> str:
        return template.render(**_context(view, shown))

    whole = render(len(view.entries))
    if view.options.full or len(whole) <= view.options.markdown_limit:
        return whole
    low, high = 0, len(view.entries)  # the most rows that fit: render(low) fits, render(high) does not
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if len(render(middle)) <= view.options.markdown_limit else (low, middle)
    return render(low)
