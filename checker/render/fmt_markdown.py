"""Markdown for a pull-request comment: the summary first (counts per severity, code and platform),
then errors, then warnings, grouped by file, each linked to its line when the repository's URL is
known. Cut to fit a comment (GitHub takes at most 65,536 characters), never inside a row."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from checker.render.options import RenderOptions
from checker.render.templating import markdown_environment, md_escape
from checker.render.view import Entry, ReportView, project_header
from checker.render.rule_help import rule_help
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


class _Rows:
    def __init__(self, options: RenderOptions) -> None:
        self.options = options
        self._made: dict[int, str] = {}

    def __getitem__(self, entry: Entry) -> str:
        key = id(entry)
        if key not in self._made:
            self._made[key] = _row(entry, self.options)
        return self._made[key]


def _title(view: ReportView) -> str:
    counts = view.counts
    if view.failed:
        return "❌ taro-compat: the check did not run"
    parts = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning"), f"{counts['info']:,} info"]
    mark = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "✅")
    return f"{mark} taro-compat: {', '.join(parts)}"


def _sections(view: ReportView, entries: list[Entry], rows: _Rows) -> list[dict[str, Any]]:
    sections = []
    for severity in ("error", "warning", "info"):
        chosen = [e for e in entries if e.severity == severity]
        if not chosen:
            continue
        total = view.counts[severity]
        shown = f"{total:,}" if len(chosen) == total else f"{len(chosen):,} of {total:,}"
        files = [{"path": md_escape(path), "rows": [rows[e] for e in group]} for path, group in view.by_file(chosen, from_repository=True)]
        sections.append({"title": f"{_TITLES[severity]} ({shown})", "files": files,
                         "details": f"{_plural(len(chosen), 'info finding')}" if severity == "info" else ""})
    return sections


def _context(view: ReportView, shown: int, rows: _Rows) -> dict[str, Any]:
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
        "headers": [md_escape(project_header(r, view.options.lang)) for r in report.results],
        "by_code": [f"| {code} | {md_escape(rule_help(code).slug)} | {c['error']:,} | {c['warning']:,} | {c['info']:,} |" for code, c in view.by_code],
        "by_platform": [f"| {md_escape(p)} | {c['error']:,} | {c['warning']:,} | {c['info']:,} |" for p, c in view.by_platform],
        "sections": _sections(view, entries, rows),
        "more": more,
        "requirements": requirements,
        "baseline": baseline,
        "footer": md_escape(f"taro-compat {report.tool_version} · matrix {report.matrix_digest[:12]} ({report.matrix_apis} entries)"),
    }


def render_markdown(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    template = markdown_environment().get_template("check.md.j2")
    rows = _Rows(view.options)  # each row worded once, and only those that may be shown

    def render(shown: int) -> str:
        return template.render(**_context(view, shown, rows))

    limit = view.options.markdown_limit
    if view.options.full or len(view.entries) * 100 < limit:
        whole = render(len(view.entries))
        if view.options.full or len(whole) <= limit:
            return whole
    shown = _estimate(view, rows, limit - len(render(0)))
    text = render(shown)
    while len(text) > limit and shown:  # the estimate leans low; this rarely runs
        shown = max(0, shown - max(1, (len(text) - limit) // 80))
        text = render(shown)
    step = max(1, (limit - len(text)) // 250)
    while shown < len(view.entries):  # then fill the room the estimate left, in shrinking steps
        longer = render(min(len(view.entries), shown + step))
        if len(longer) <= limit:
            shown, text = min(len(view.entries), shown + step), longer
        elif step == 1:
            break
        else:
            step = max(1, step // 2)
    return text


def _estimate(view: ReportView, rows: _Rows, room: int) -> int:
    """How many rows fit in ``room`` characters: each row and its line break, a table head per new file,
    a title per new severity, and a margin for the counts that change with the cut."""
    used, severity, path = 200, None, None
    for shown, entry in enumerate(view.entries):
        cost = len(rows[entry]) + 1
        if entry.severity != severity:
            severity, path = entry.severity, None
            cost += 40 + (60 if severity == "info" else 0)
        if entry.repo_path != path:
            path = entry.repo_path
            cost += len(md_escape(path)) + 80
        if used + cost > room:
            return shown
        used += cost
    return len(view.entries)
