"""Human text report of ``check``: ``path:line:col: severity CODE message``, as compilers print,
so terminals and editors jump to the place. Errors first, grouped by file; a per-code summary last."""

from __future__ import annotations

from checker.render.options import RenderOptions
from checker.render.view import Entry, ReportView, project_header
from checker.render.rule_help import rule_help
from checker.report import Report

__all__ = ["render_text"]

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD = "\033[0m", "\033[1m"


def _place(entry: Entry) -> str:
    if entry.line and entry.column:
        return f"{entry.path}:{entry.line}:{entry.column}"
    return f"{entry.path}:{entry.line}" if entry.line else entry.path


def render_text(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    colour = view.options.colour

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for problem in report.problems:
        lines.append(paint(f"taro-compat: not checked: {problem}", _COLOURS["error"]))
    if not view.options.quiet:
        lines += [paint(project_header(result, view.options.lang), _BOLD) for result in report.results]
    for severity in ("error", "warning", "info"):
        for _, group in view.by_file(view.of_severity(severity)):
            lines.append("")
            for entry in group:
                words = " ".join(entry.message.split())  # one line per finding, whatever the message holds
                lines.append(f"{_place(entry)}: {paint(entry.severity, _COLOURS[entry.severity])} {entry.code} {words}")
    if not view.options.quiet:
        for result in report.results:
            if result.requirements:
                needs = ", ".join(f"{key} {value}" for key, value in result.requirements.items())
                lines += ["", f"{result.profile.name or result.profile.root}: requirements of the unguarded calls: {needs}"]
    shown = [(code, counts) for code, counts in view.by_code if not view.options.quiet or counts["error"]]
    if shown:
        lines += ["", "per code:"]
        for code, counts in shown:
            parts = [f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s] and (s == "error" or not view.options.quiet)]
            lines.append(f"  {code} {rule_help(code).slug:<28} {', '.join(parts)}")
    lines += ["", paint(view.totals_line(), _COLOURS["error"] if view.failed else _BOLD)]
    return "\n".join(lines).lstrip("\n") + "\n"
