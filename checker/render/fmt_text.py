"""Human text report of ``check``: per project, grouped by file, ``line:col severity CODE message``."""

from __future__ import annotations

from itertools import groupby

from checker.render.targets_line import describe_targets
from checker.render.words import word
from checker.report import Report

__all__ = ["render_text"]

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD = "\033[0m", "\033[1m"


def render_text(report: Report, *, colour: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for result in report.results:
        profile = result.profile
        taro = profile.taro.resolved or f"unknown ({profile.taro.declared})"
        targets = describe_targets(result.targets)
        scanned = f"; {result.scanned_files} source files" if result.scanned_files is not None else ""
        lines.append(paint(f"{profile.name or 'unnamed'} ({profile.root}): Taro {taro} from {profile.taro.source}; targets {targets}{scanned}", _BOLD))
        for file, group in groupby(result.findings, key=lambda f: f.file or ""):
            lines.append(f"{file or profile.root}")
            for finding in group:
                where = f"{finding.line}:{finding.column}" if finding.line and finding.column else (str(finding.line) if finding.line else "-")
                severity = paint(f"{finding.severity.value:<7}", _COLOURS[finding.severity.value])
                lines.append(f"  {where:<8} {severity} {finding.code} {word(finding, report.lang)}")
        if result.requirements:
            needs = ", ".join(f"{key} {value}" for key, value in result.requirements.items())
            lines.append(f"requirements of the unguarded calls: {needs}")
        lines.append("")
    for problem in report.problems:
        lines.append(paint(f"incomplete: {problem}", _COLOURS["error"]))
    counts = report.counts()
    total = f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info in {len(report.results)} project(s)"
    if report.baselined or report.gone:
        total += f"; {report.baselined} accepted by the baseline, {len(report.gone)} baseline entr{'y' if len(report.gone) == 1 else 'ies'} gone"
    lines.append(total)
    return "\n".join(lines) + "\n"
